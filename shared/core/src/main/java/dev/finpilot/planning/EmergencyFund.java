package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import java.math.RoundingMode;

/**
 * The emergency fund a strategy targets and when its cash saving fills it.
 *
 * @param months months of essential expenses the target holds
 * @param filledMonth the month cash reaches the target: 0 when it already has, -1 when the plan
 *     sends nothing to cash
 */
record EmergencyFund(Money target, int months, int filledMonth) {

  /** The emergency fund never targets more than this many months of essential expenses. */
  static final int MAX_MONTHS = 6;

  /** The fund as {@code monthlyCash} fills it from today's {@code cash}. */
  static EmergencyFund filling(Money target, int months, Money cash, Money monthlyCash) {
    Money gap = target.minus(cash).max(Money.zeroUsd());
    return new EmergencyFund(target, months, monthsToCover(gap, monthlyCash));
  }

  private static int monthsToCover(Money gap, Money monthly) {
    if (!gap.isPositive()) {
      return 0;
    }
    if (!monthly.isPositive()) {
      return -1;
    }
    return gap.amount().divide(monthly.amount(), 0, RoundingMode.CEILING).intValueExact();
  }
}
