package dev.finpilot.insight;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A what-if: one or more changes to a plan version's projection, each null when unchanged. The
 * what-if answer, the recommendations ("try it") and the chat all speak this one shape.
 *
 * @param goalYears years to move the goal date: negative retires (or buys) earlier, positive later
 * @param monthlySaving dollars a month saved toward the goal on top of the plan (negative: less)
 * @param marketFall the fall of equities next year as a fraction (0.30 = a 30% fall), bonds and
 *     cash unchanged
 * @param extraInflation points of inflation added to every year, as a fraction (0.02 = two points)
 * @param lumpSum money added to the portfolio today (negative: taken out today)
 * @param allocation an allocation held for the whole horizon instead of the plan's glide path
 */
public record Change(
    Integer goalYears,
    Money monthlySaving,
    BigDecimal marketFall,
    BigDecimal extraInflation,
    Money lumpSum,
    Allocation allocation) {

  public static final int MAX_GOAL_YEARS = 30;

  public static Change none() {
    return new Change(null, null, null, null, null, null);
  }

  /** Whether nothing is changed. */
  public boolean isEmpty() {
    return equals(none());
  }

  /** Field errors of the change itself; what the version allows is checked where it is applied. */
  public List<FieldError> validate(String path) {
    Validation v = new Validation();
    if (goalYears != null) {
      v.between(goalYears, -MAX_GOAL_YEARS, MAX_GOAL_YEARS, path + ".goalYears");
    }
    if (marketFall != null) {
      v.require(
          marketFall.signum() >= 0 && marketFall.compareTo(BigDecimal.ONE) < 0,
          path + ".marketFall",
          "must be a fraction from 0 up to (not including) 1, was " + marketFall);
    }
    if (extraInflation != null) {
      v.require(
          extraInflation.abs().compareTo(new BigDecimal("0.20")) <= 0,
          path + ".extraInflation",
          "must be a fraction between -0.20 and 0.20, was " + extraInflation);
    }
    return v.errors();
  }
}
