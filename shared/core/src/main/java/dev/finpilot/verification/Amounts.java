package dev.finpilot.verification;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exact arithmetic shared by the rules. */
final class Amounts {

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

  private Amounts() {}

  /**
   * The largest monthly amount that still respects an annual limit. Monthly amounts are whole
   * cents, so a limit that is not a multiple of 12 cents cannot be hit exactly; the limit divided
   * by 12 and rounded up to the cent counts as contributing exactly the limit, because plan
   * administrators trim the final installment.
   */
  static Money monthlyCeiling(Money annualLimit) {
    return divideUp(annualLimit, TWELVE);
  }

  /** {@code amount / parts} rounded up to the cent, so that many parts add up to at least it. */
  static Money divideUp(Money amount, long parts) {
    return divideUp(amount, BigDecimal.valueOf(parts));
  }

  private static Money divideUp(Money amount, BigDecimal parts) {
    return Money.of(amount.amount().divide(parts, 2, RoundingMode.CEILING), amount.currency());
  }

  static boolean exceedsAnnualLimit(Money monthly, Money annualLimit) {
    return monthly.isGreaterThan(monthlyCeiling(annualLimit));
  }

  /** {@code numerator / denominator}, or {@code ifZero} when the denominator is zero. */
  static BigDecimal ratio(Money numerator, Money denominator, BigDecimal ifZero) {
    if (denominator.isZero()) {
      return ifZero;
    }
    return numerator.amount().divide(denominator.amount(), MathContext.DECIMAL64);
  }
}
