package dev.finpilot.goals;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One goal as read from the user's words. Anything the text did not say is empty rather than
 * guessed; {@link GoalConverter} decides, and says, how a missing piece is filled.
 *
 * @param targetAmount the amount to reach (or, for debt payoff, to pay off)
 * @param horizon when it is due, as said
 * @param targetDate the horizon as a date, when it can be known (an age needs the current age)
 * @param monthlyContribution what the user says they put in each month ("$500 a month"); a yearly
 *     amount is divided by twelve
 * @param currentSavings money already set aside ("I have $20k saved")
 * @param riskTolerance from risk words in this goal's words, else from the whole text
 * @param monthsOfExpenses an emergency fund sized in months of spending ("6 months of expenses")
 * @param confidence in [0, 1]: 1 when every piece was read from clear words
 * @param text the words this goal was read from
 * @param unparsed words that were not understood
 * @param warnings what was ambiguous, missing or assumed
 */
public record ParsedGoal(
    GoalType type,
    Optional<Money> targetAmount,
    Optional<Horizon> horizon,
    Optional<LocalDate> targetDate,
    Optional<Money> monthlyContribution,
    Optional<Money> currentSavings,
    Optional<RiskTolerance> riskTolerance,
    OptionalInt monthsOfExpenses,
    double confidence,
    String text,
    List<String> unparsed,
    List<String> warnings) {

  public ParsedGoal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(targetAmount, "targetAmount");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(targetDate, "targetDate");
    Objects.requireNonNull(monthlyContribution, "monthlyContribution");
    Objects.requireNonNull(currentSavings, "currentSavings");
    Objects.requireNonNull(riskTolerance, "riskTolerance");
    Objects.requireNonNull(monthsOfExpenses, "monthsOfExpenses");
    Objects.requireNonNull(text, "text");
    unparsed = List.copyOf(unparsed);
    warnings = List.copyOf(warnings);
  }

  /** Whole months from {@code asOf} to the target date, when the date is known. */
  public OptionalLong horizonMonths(LocalDate asOf) {
    return targetDate
        .map(d -> OptionalLong.of(ChronoUnit.MONTHS.between(asOf, d)))
        .orElse(OptionalLong.empty());
  }
}
