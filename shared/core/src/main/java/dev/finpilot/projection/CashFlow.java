package dev.finpilot.projection;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValueBasis;
import java.util.List;

/**
 * A recurring contribution into, or withdrawal from, the portfolio during the plan years whose
 * starting age is in {@code [fromAge, untilAge)}. The annual amount is spread evenly over the
 * year's steps: withdrawals leave at the start of each step, contributions arrive at its end.
 *
 * <p>In {@link ValueBasis#TODAYS_DOLLARS} the amount keeps its purchasing power: each payment is
 * the amount times the path's cumulative inflation up to the payment date (CPI-indexed spending).
 * In {@link ValueBasis#NOMINAL} the same dollar figure is paid every year.
 */
public record CashFlow(
    Direction direction, double annualAmount, int fromAge, int untilAge, ValueBasis basis) {

  /** Largest amount accepted, to keep the simulation's doubles far from overflow. */
  public static final double MAX_AMOUNT = 1e12;

  /** Money into or out of the portfolio. */
  public enum Direction {
    CONTRIBUTION,
    WITHDRAWAL
  }

  public static CashFlow contribution(
      double annualAmount, int fromAge, int untilAge, ValueBasis basis) {
    return new CashFlow(Direction.CONTRIBUTION, annualAmount, fromAge, untilAge, basis);
  }

  public static CashFlow withdrawal(
      double annualAmount, int fromAge, int untilAge, ValueBasis basis) {
    return new CashFlow(Direction.WITHDRAWAL, annualAmount, fromAge, untilAge, basis);
  }

  boolean activeAt(int age) {
    return age >= fromAge && age < untilAge;
  }

  List<FieldError> validate(String path) {
    Validation v = new Validation();
    v.notNull(direction, path + ".direction");
    v.notNull(basis, path + ".basis");
    v.require(
        Double.isFinite(annualAmount) && annualAmount >= 0 && annualAmount <= MAX_AMOUNT,
        path + ".annualAmount",
        "must be between 0 and " + MAX_AMOUNT + ", was " + annualAmount);
    v.require(
        untilAge > fromAge,
        path + ".untilAge",
        "must be after fromAge " + fromAge + ", was " + untilAge);
    return v.errors();
  }
}
