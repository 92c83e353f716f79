package dev.finpilot.goals;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Goal;
import java.util.List;
import java.util.Objects;

/**
 * What a goal text says: the parser's reading, and either the planning goals made from it or why
 * they cannot be made yet.
 *
 * @param parsed the goals as read, with confidence, unparsed words and warnings
 * @param converted the planning goals with the assumptions made for each; empty when they cannot be
 *     made
 * @param conversionErrors why the planning goals cannot be made, each naming what is missing; empty
 *     when they were made
 */
public record GoalInterpretation(
    ParseResult parsed, List<ConvertedGoal> converted, List<FieldError> conversionErrors) {

  public GoalInterpretation {
    Objects.requireNonNull(parsed, "parsed");
    converted = List.copyOf(converted);
    conversionErrors = List.copyOf(conversionErrors);
  }

  static GoalInterpretation converted(ParseResult parsed, List<ConvertedGoal> goals) {
    return new GoalInterpretation(parsed, goals, List.of());
  }

  static GoalInterpretation unconverted(ParseResult parsed, List<FieldError> errors) {
    return new GoalInterpretation(parsed, List.of(), errors);
  }

  /** Whether the text gave (or the user's facts filled) everything the planner needs. */
  public boolean hasPlanningGoals() {
    return conversionErrors.isEmpty();
  }

  public List<Goal> planningGoals() {
    return converted.stream().map(ConvertedGoal::goal).toList();
  }

  /** Every assumption made to turn the parsed goals into planning goals, goal by goal. */
  public List<String> assumptions() {
    return converted.stream().flatMap(c -> c.assumptions().stream()).toList();
  }
}
