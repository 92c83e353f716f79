package dev.finpilot.insight;

import dev.finpilot.regulation.RegulatoryTable;
import java.util.List;

/**
 * Explains a plan version in plain words from its own data: why its strategy won, what each step
 * does and why now, the main risks, and the rules that shaped it. Deterministic: the same version
 * always gets the same text. No language model is called; {@link ExplanationNarrator} is where one
 * could rephrase the text later.
 */
public final class Explainer {

  private Explainer() {}

  public static Explanation explain(PlanSubject subject) {
    return explain(subject, ExplanationNarrator.DETERMINISTIC);
  }

  /**
   * The explanation as {@code narrator} words it.
   *
   * @throws IllegalStateException if the narrator changed a section's title or facts
   */
  public static Explanation explain(PlanSubject subject, ExplanationNarrator narrator) {
    Explanation written =
        new Explanation(
            subject.version(),
            subject.strategy(),
            List.of(
                ExplainedChoice.of(subject),
                ExplainedSteps.of(subject),
                ExplainedRisks.of(subject),
                ExplainedRules.of(subject, RegulatoryTable.usDefault())));
    Explanation narrated = narrator.narrate(written);
    if (!sameFacts(written, narrated)) {
      throw new IllegalStateException(
          "the narrator may rephrase paragraphs only, not change titles or facts");
    }
    return narrated;
  }

  private static boolean sameFacts(Explanation written, Explanation narrated) {
    return narrated != null
        && narrated.version() == written.version()
        && narrated.strategy() == written.strategy()
        && titles(narrated).equals(titles(written))
        && narrated.facts().equals(written.facts());
  }

  private static List<String> titles(Explanation e) {
    return e.sections().stream().map(Explanation.Section::title).toList();
  }
}
