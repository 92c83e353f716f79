package dev.finpilot.goals;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValueBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns parsed goals into planning goals. Priority follows the order of mention. A missing piece is
 * filled only from a stated fact and the assumption is recorded: an emergency fund without an
 * amount is six months (or the stated number of months) of essential expenses and, without a
 * horizon, due in twelve months; a retirement goal without an age uses the planned retirement age.
 * Anything else missing is an error naming the field and what would fill it.
 */
final class GoalConverter {
  /** An emergency fund is the first thing to build, so one without a horizon is due in a year. */
  static final int EMERGENCY_FUND_MONTHS = 12;

  private GoalConverter() {}

  /**
   * @throws dev.finpilot.domain.ValidationException naming every missing or invalid piece of every
   *     goal, with paths such as {@code goals[1].targetAmount}
   */
  static List<ConvertedGoal> convert(ParseResult result, ConversionContext conversion) {
    Validation v = new Validation();
    List<ConvertedGoal> converted = new ArrayList<>();
    for (int i = 0; i < result.goals().size(); i++) {
      ParsedGoal parsed = result.goals().get(i);
      String path = "goals[" + i + "]";
      List<String> assumptions = new ArrayList<>();
      Optional<Money> amount = amount(parsed, conversion, path, v, assumptions);
      Optional<LocalDate> date = date(parsed, result, conversion, path, v, assumptions);
      if (amount.isPresent() && date.isPresent()) {
        Goal goal =
            new Goal(
                parsed.type(),
                amount.get(),
                basis(parsed.type()),
                date.get(),
                i + 1,
                parsed.text());
        List<FieldError> errors = goal.validate(path, result.context().asOf());
        v.addAll(errors);
        if (errors.isEmpty()) {
          converted.add(new ConvertedGoal(goal, assumptions));
        }
      }
    }
    v.throwIfInvalid();
    return List.copyOf(converted);
  }

  /** A debt balance does not grow with inflation; every other target is in today's money. */
  private static ValueBasis basis(GoalType type) {
    return type == GoalType.DEBT_PAYOFF ? ValueBasis.NOMINAL : ValueBasis.TODAYS_DOLLARS;
  }

  private static Optional<Money> amount(
      ParsedGoal parsed,
      ConversionContext conversion,
      String path,
      Validation v,
      List<String> assumptions) {
    if (parsed.targetAmount().isPresent()) {
      return parsed.targetAmount();
    }
    String field = path + ".targetAmount";
    if (parsed.type() != GoalType.EMERGENCY_FUND) {
      v.require(
          false,
          field,
          "no amount in '" + parsed.text() + "'; say how much, such as $50,000, 250k or ₹20L");
      return Optional.empty();
    }
    int months = parsed.monthsOfExpenses().orElse(GoalAssembler.DEFAULT_EMERGENCY_MONTHS);
    Optional<Money> expenses = conversion.monthlyEssentialExpenses();
    if (expenses.isEmpty() || !expenses.get().isPositive()) {
      v.require(
          false,
          field,
          "no amount in '"
              + parsed.text()
              + "'; give one, or monthly essential expenses above zero so that "
              + months
              + " months of them can be used");
      return Optional.empty();
    }
    Money amount = expenses.get().times(months);
    assumptions.add(
        "emergency fund sized at "
            + months
            + " months of essential expenses: "
            + months
            + " x "
            + expenses.get()
            + " = "
            + amount);
    return Optional.of(amount);
  }

  private static Optional<LocalDate> date(
      ParsedGoal parsed,
      ParseResult result,
      ConversionContext conversion,
      String path,
      Validation v,
      List<String> assumptions) {
    if (parsed.targetDate().isPresent()) {
      return parsed.targetDate();
    }
    LocalDate asOf = result.context().asOf();
    OptionalInt age = result.currentAge();
    if (parsed.horizon().orElse(null) instanceof Horizon.AtAge atAge) {
      if (age.isEmpty()) {
        v.require(
            false,
            path + ".currentAge",
            "is required to turn '"
                + atAge.phrase()
                + "' into a date; give the user's age or say 'I'm 35'");
      } else {
        v.require(
            false,
            path + ".targetDate",
            "target age "
                + atAge.age()
                + " in '"
                + atAge.phrase()
                + "' must be after the current age "
                + age.getAsInt());
      }
      return Optional.empty();
    }
    if (parsed.type() == GoalType.EMERGENCY_FUND) {
      assumptions.add(
          "no horizon given; emergency fund due in " + EMERGENCY_FUND_MONTHS + " months");
      return Optional.of(asOf.plusMonths(EMERGENCY_FUND_MONTHS));
    }
    OptionalInt planned = conversion.plannedRetirementAge();
    if (parsed.type() == GoalType.RETIREMENT && planned.isPresent() && age.isPresent()) {
      int years = planned.getAsInt() - age.getAsInt();
      assumptions.add(
          "no retirement age given; used the planned retirement age "
              + planned.getAsInt()
              + ", "
              + years
              + " years away");
      return Optional.of(asOf.plusYears(years));
    }
    v.require(
        false,
        path + ".targetDate",
        parsed.type() == GoalType.RETIREMENT
            ? "no retirement age or horizon in '"
                + parsed.text()
                + "'; say 'retire at 60' or 'in 25 years', or give the planned retirement age"
                + " and the current age"
            : "no horizon in '" + parsed.text() + "'; say 'in 5 years', 'by 2035' or 'at 60'");
    return Optional.empty();
  }
}
