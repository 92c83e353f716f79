package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.goals.ConversionContext;
import dev.finpilot.goals.ConvertedGoal;
import dev.finpilot.goals.GoalParseException;
import dev.finpilot.goals.GoalParser;
import dev.finpilot.goals.ParseContext;
import dev.finpilot.goals.ParseResult;
import dev.finpilot.goals.ParsedGoal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Natural-language goals: the {@link GoalParser}'s reading of a text, and, when every piece the
 * planner needs is there (or can be filled from the household's state), the planning goals made
 * from it with each assumption stated.
 */
final class GoalReading {
  private GoalReading() {}

  /**
   * What the text says, as the API returns it.
   *
   * @param goals the goals as read, with confidence, unparsed words and warnings each
   * @param planningGoals the goals as the planner takes them; absent when they cannot be made
   * @param assumptions what was filled in to make the planning goals
   * @param conversionErrors why the planning goals cannot be made yet, each naming what is missing
   */
  record Interpretation(
      List<ParsedGoal> goals,
      Integer currentAge,
      String riskTolerance,
      double confidence,
      List<String> unparsed,
      List<String> warnings,
      List<Goal> planningGoals,
      List<String> assumptions,
      List<FieldError> conversionErrors) {}

  /**
   * Reads {@code text}.
   *
   * @param field the body field the text came from, to name it in errors
   * @throws ProblemException 422 with the parser's explanation when no goal can be read
   */
  static Interpretation read(
      GoalParser parser,
      String text,
      String field,
      LocalDate today,
      OptionalInt currentAge,
      ConversionContext conversion) {
    ParseContext context = ParseContext.asOf(today);
    if (currentAge.isPresent()) {
      context = context.withCurrentAge(currentAge.getAsInt());
    }
    ParseResult result;
    try {
      result = parser.parse(text, context);
    } catch (GoalParseException e) {
      throw ProblemException.invalidField(ProblemType.UNREADABLE_GOAL, field, e.getMessage());
    }
    List<Goal> planning = null;
    List<String> assumptions = List.of();
    List<FieldError> errors = List.of();
    try {
      List<ConvertedGoal> converted = result.toGoals(conversion);
      planning = converted.stream().map(ConvertedGoal::goal).toList();
      assumptions = converted.stream().flatMap(c -> c.assumptions().stream()).toList();
    } catch (ValidationException e) {
      errors =
          e.errors().stream()
              .map(f -> new FieldError(field + ": " + f.field(), f.message()))
              .toList();
    }
    return new Interpretation(
        result.goals(),
        result.currentAge().isPresent() ? result.currentAge().getAsInt() : null,
        result.riskTolerance().map(Enum::name).orElse(null),
        result.confidence(),
        result.unparsed(),
        result.allWarnings(),
        planning,
        assumptions,
        errors.isEmpty() ? null : errors);
  }

  /** The conversion context and age of a household, when its state is usable. */
  static ConversionContext conversionFor(FinancialState state) {
    return state == null ? ConversionContext.none() : ConversionContext.from(state);
  }

  static OptionalInt ageOf(FinancialState state) {
    return Optional.ofNullable(state)
        .filter(s -> s.age() >= FinancialState.MIN_AGE && s.age() <= FinancialState.MAX_AGE)
        .map(s -> OptionalInt.of(s.age()))
        .orElse(OptionalInt.empty());
  }
}
