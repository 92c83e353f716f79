package dev.finpilot.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the user wants: a target amount by a date. Priority 1 is the most important goal; the
 * planner funds goals in priority order when money is short.
 */
public record Goal(
    GoalType type,
    Money targetAmount,
    ValueBasis basis,
    LocalDate targetDate,
    int priority,
    String description) {

  public static final int MAX_HORIZON_YEARS = 50;

  public Goal {
    basis = basis == null ? ValueBasis.TODAYS_DOLLARS : basis;
    description = description == null ? "" : description;
  }

  /** Whole months from {@code asOf} to the target date; zero once the date has passed. */
  public long horizonMonths(LocalDate asOf) {
    return Math.max(0, ChronoUnit.MONTHS.between(asOf, targetDate));
  }

  public double horizonYears(LocalDate asOf) {
    return horizonMonths(asOf) / 12.0;
  }

  public List<FieldError> validate(String path, LocalDate asOf) {
    Validation v = new Validation();
    v.notNull(type, path + ".type");
    if (v.notNull(targetAmount, path + ".targetAmount")) {
      v.require(targetAmount.isPositive(), path + ".targetAmount", "must be positive");
    }
    if (v.notNull(targetDate, path + ".targetDate")) {
      v.require(targetDate.isAfter(asOf), path + ".targetDate", "must be in the future");
      v.require(
          !targetDate.isAfter(asOf.plusYears(MAX_HORIZON_YEARS)),
          path + ".targetDate",
          "horizon must not exceed " + MAX_HORIZON_YEARS + " years");
    }
    v.between(priority, 1, 10, path + ".priority");
    return v.errors();
  }
}
