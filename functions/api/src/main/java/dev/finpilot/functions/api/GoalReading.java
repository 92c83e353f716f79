package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.goals.ConversionContext;
import dev.finpilot.goals.GoalInterpretation;
import dev.finpilot.goals.GoalParseException;
import dev.finpilot.goals.GoalParser;
import dev.finpilot.goals.GoalReader;
import dev.finpilot.goals.ParseResult;
import dev.finpilot.goals.ParsedGoal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Natural-language goals as the API answers them: the {@link GoalReader}'s interpretation of a body
 * field, with text that names no goal refused as a problem on that field.
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
      List<FieldError> conversionErrors) {

    /** The interpretation of body field {@code field}, its errors named after that field. */
    static Interpretation of(GoalInterpretation reading, String field) {
      ParseResult parsed = reading.parsed();
      boolean planned = reading.hasPlanningGoals();
      return new Interpretation(
          parsed.goals(),
          parsed.currentAge().isPresent() ? parsed.currentAge().getAsInt() : null,
          parsed.riskTolerance().map(Enum::name).orElse(null),
          parsed.confidence(),
          parsed.unparsed(),
          parsed.allWarnings(),
          planned ? reading.planningGoals() : null,
          reading.assumptions(),
          planned
              ? null
              : reading.conversionErrors().stream()
                  .map(f -> new FieldError(field + ": " + f.field(), f.message()))
                  .toList());
    }
  }

  /**
   * Reads body field {@code field} for a user whose age and conversion facts are given separately.
   *
   * @throws ProblemException 422 with the parser's explanation when no goal can be read
   */
  static Interpretation read(
      GoalParser parser,
      String text,
      String field,
      LocalDate today,
      OptionalInt currentAge,
      ConversionContext conversion) {
    return read(parser, field, reader -> reader.read(text, today, currentAge, conversion));
  }

  /**
   * Reads body field {@code field} for the household of a planning request.
   *
   * @throws ProblemException 422 with the parser's explanation when no goal can be read
   */
  static Interpretation read(
      GoalParser parser, String text, String field, LocalDate today, FinancialState household) {
    return read(parser, field, reader -> reader.read(text, today, household));
  }

  private static Interpretation read(
      GoalParser parser, String field, Function<GoalReader, GoalInterpretation> reading) {
    try {
      return Interpretation.of(reading.apply(new GoalReader(parser)), field);
    } catch (GoalParseException e) {
      throw ProblemException.invalidField(ProblemType.UNREADABLE_GOAL, field, e.getMessage());
    }
  }
}
