package dev.finpilot.goals;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.ValidationException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Reads a goal text in one call: what the {@link GoalParser} reads in it and, when every piece the
 * planner needs is there or can be filled from what is known about the user, the planning goals
 * made from it. Stateless and safe to share.
 */
public final class GoalReader {
  private final GoalParser parser;

  public GoalReader(GoalParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * Reads {@code text} for a user whose age and conversion facts are given separately.
   *
   * @param asOf the date horizons are counted from
   * @param currentAge the user's age, when known
   * @param conversion the facts that fill pieces the text leaves out
   * @throws GoalParseException when no goal can be read, with a message for the user
   * @throws ValidationException when the age is outside the planner's range
   */
  public GoalInterpretation read(
      String text, LocalDate asOf, OptionalInt currentAge, ConversionContext conversion) {
    ParseContext context = ParseContext.asOf(asOf);
    if (currentAge.isPresent()) {
      context = context.withCurrentAge(currentAge.getAsInt());
    }
    ParseResult parsed = parser.parse(text, context);
    try {
      return GoalInterpretation.converted(parsed, parsed.toGoals(conversion));
    } catch (ValidationException e) {
      return GoalInterpretation.unconverted(parsed, e.errors());
    }
  }

  /**
   * Reads {@code text} for a household, whose state may be missing or not yet validated: its age is
   * used when within the planner's range, its expenses and retirement age fill missing pieces.
   *
   * @throws GoalParseException when no goal can be read, with a message for the user
   */
  public GoalInterpretation read(String text, LocalDate asOf, FinancialState household) {
    OptionalInt age =
        household != null
                && household.age() >= FinancialState.MIN_AGE
                && household.age() <= FinancialState.MAX_AGE
            ? OptionalInt.of(household.age())
            : OptionalInt.empty();
    ConversionContext conversion =
        household == null ? ConversionContext.none() : ConversionContext.from(household);
    return read(text, asOf, age, conversion);
  }
}
