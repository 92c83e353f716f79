package dev.finpilot.goals;

import dev.finpilot.domain.RiskTolerance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads risk tolerance words: "safe", "low risk", "conservative" are conservative; "moderate",
 * "balanced" are moderate; "aggressive", "high risk", "growth" are aggressive. A negated word ("not
 * too aggressive", "don't want high risk") is read as moderate, the middle ground, because the user
 * has said what they do not want rather than what they do.
 */
final class RiskWordReader {

  /** One risk word as read. */
  record Reading(RiskTolerance level, String phrase, boolean negated) {}

  private static final Pattern NEGATION =
      Pattern.compile(
          "(?:(?<![\\p{L}])(?:not|no|never|without|avoid|nothing|dont)|n't)"
              + "\\s+(?:[\\p{L}']+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** "moderate risk", "aggressive investor": the noun adds nothing to the level. */
  private static final String NOUN = "(?:[- ](?:risk|investor|approach|strategy|allocation))?";

  private static final PhraseMatcher<RiskTolerance> MATCHER = PhraseMatcher.keywords(words());

  private RiskWordReader() {}

  static List<Reading> consumeAll(TextMask mask) {
    String text = mask.text();
    List<Reading> readings = new ArrayList<>();
    for (PhraseMatcher.Hit<RiskTolerance> hit : MATCHER.consumeAll(mask)) {
      int from = Math.max(0, hit.span().start() - 30);
      Matcher negation = NEGATION.matcher(text).region(from, hit.span().start());
      boolean negated = negation.find();
      if (negated) {
        mask.consume(new Span(negation.start(), hit.span().start()));
      }
      readings.add(
          new Reading(
              negated ? RiskTolerance.MODERATE : hit.value(), hit.phrase().trim(), negated));
    }
    return readings;
  }

  private static Map<String, RiskTolerance> words() {
    Map<String, RiskTolerance> words = new LinkedHashMap<>();
    for (String phrase :
        List.of(
            "safe|safely|safer|safest|safety",
            "low[- ]risk",
            "(?:no|minimal|minimum|little|limited)\\s+risk",
            "avoid(?:ing)?\\s+risks?",
            "risk[- ]averse",
            "conservative(?:ly)?" + NOUN,
            "(?:cautious(?:ly)?|careful(?:ly)?)" + NOUN,
            "capital\\s+(?:preservation|protection)|preserve\\s+(?:my\\s+)?capital",
            "guaranteed|stable|stability")) {
      words.put(phrase, RiskTolerance.CONSERVATIVE);
    }
    for (String phrase :
        List.of(
            "moderate(?:ly)?" + NOUN,
            "balanced" + NOUN,
            "medium[- ]risk",
            "middle[- ]of[- ]the[- ]road",
            "some\\s+risk")) {
      words.put(phrase, RiskTolerance.MODERATE);
    }
    for (String phrase :
        List.of(
            "aggressive(?:ly)?" + NOUN,
            "high[- ]risk",
            "risky",
            "(?:(?:high|maximum|max)[- ])?growth",
            "(?:lots\\s+of|a\\s+lot\\s+of|plenty\\s+of)\\s+risk",
            "bold(?:ly)?")) {
      words.put(phrase, RiskTolerance.AGGRESSIVE);
    }
    return words;
  }
}
