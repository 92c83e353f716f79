package dev.finpilot.goals;

import dev.finpilot.domain.RiskTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The goals read from one text, in order of mention.
 *
 * @param currentAge the user's age as stated in the text, else as given in the context
 * @param riskTolerance the risk level when all risk words in the text agree
 * @param confidence in [0, 1]: that of the least certain goal, lowered by doubts about the text as
 *     a whole (such as two different stated ages)
 * @param warnings doubts about the text as a whole; each goal carries its own as well
 * @param context the context the text was read in
 */
public record ParseResult(
    List<ParsedGoal> goals,
    OptionalInt currentAge,
    Optional<RiskTolerance> riskTolerance,
    double confidence,
    List<String> warnings,
    ParseContext context) {

  public ParseResult {
    goals = List.copyOf(goals);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(currentAge, "currentAge");
    Objects.requireNonNull(riskTolerance, "riskTolerance");
    Objects.requireNonNull(context, "context");
  }

  /** Every fragment of the text that was not understood, across all goals. */
  public List<String> unparsed() {
    return goals.stream().flatMap(g -> g.unparsed().stream()).toList();
  }

  /** The text-wide warnings, then each goal's, prefixed with its position ("goal 2: ..."). */
  public List<String> allWarnings() {
    List<String> all = new ArrayList<>(warnings);
    for (int i = 0; i < goals.size(); i++) {
      for (String warning : goals.get(i).warnings()) {
        all.add("goal " + (i + 1) + ": " + warning);
      }
    }
    return List.copyOf(all);
  }

  /**
   * The goals as planning goals, priority in order of mention.
   *
   * @throws dev.finpilot.domain.ValidationException naming every missing or invalid piece
   */
  public List<ConvertedGoal> toGoals(ConversionContext conversion) {
    return GoalConverter.convert(this, conversion);
  }
}
