package dev.finpilot.insight;

import dev.finpilot.planning.Strategy;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A plain-language explanation of one plan version, written from the version's own data: titled
 * sections of paragraphs, each with the facts its paragraphs were written from. A UI or a language
 * model can rephrase the paragraphs from the facts without inventing a number.
 *
 * @param version the plan version explained
 * @param strategy the strategy the version chose
 * @param sections in reading order: why this strategy, the steps, the risks, the rules
 */
public record Explanation(int version, Strategy strategy, List<Section> sections) {

  public Explanation {
    sections = List.copyOf(sections);
  }

  /**
   * One section.
   *
   * @param facts every figure the paragraphs use, with where it comes from
   */
  public record Section(String title, List<String> paragraphs, List<Fact> facts) {

    public Section {
      Objects.requireNonNull(title, "title");
      paragraphs = List.copyOf(paragraphs);
      facts = List.copyOf(facts);
    }
  }

  /**
   * One figure behind a text.
   *
   * @param name what the figure is, e.g. "chosen.score" or "EMERGENCY_FUND_LOW.limit"
   * @param value the figure as written in the text
   * @param source where the figure comes from: the version's field, a computation, or the citation
   *     of the rule or regulatory table that sets it
   */
  public record Fact(String name, String value, String source) {

    public Fact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }
  }

  /** The whole explanation as text: titles and paragraphs, one per line. */
  public String text() {
    return sections.stream()
        .map(s -> s.title() + "\n" + String.join("\n", s.paragraphs()))
        .collect(Collectors.joining("\n\n"));
  }

  /** Every fact of every section, in order. */
  public List<Fact> facts() {
    return sections.stream().flatMap(s -> s.facts().stream()).toList();
  }
}
