package dev.finpilot.regulation;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A modified-AGI range over which a limit shrinks linearly from its full value to zero: full at or
 * below {@code start}, nothing at or above {@code end}.
 */
public record PhaseOut(Money start, Money end) {

  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final BigDecimal MINIMUM_REDUCED_LIMIT = new BigDecimal("200");

  public PhaseOut {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.isNegative() || end.isLessThan(start)) {
      throw new IllegalArgumentException("phase-out needs 0 <= start <= end, was " + this);
    }
  }

  /**
   * The reduced limit per the IRS worksheet (Publication 590-A, worksheet 2-2 for Roth IRAs): the
   * full limit times (end - MAGI) / (end - start), rounded up to the next $10, and raised to $200
   * when it would be positive but smaller.
   */
  public Money reducedLimit(Money fullLimit, Money magi) {
    if (!magi.isGreaterThan(start)) {
      return fullLimit;
    }
    if (!magi.isLessThan(end)) {
      return Money.zero(fullLimit.currency());
    }
    BigDecimal ratio =
        magi.minus(start).amount().divide(end.minus(start).amount(), MathContext.DECIMAL64);
    BigDecimal reduced = fullLimit.amount().subtract(fullLimit.amount().multiply(ratio));
    BigDecimal roundedUp =
        reduced.divide(TEN, 0, RoundingMode.CEILING).multiply(TEN).min(fullLimit.amount());
    if (roundedUp.signum() > 0 && roundedUp.compareTo(MINIMUM_REDUCED_LIMIT) < 0) {
      roundedUp = MINIMUM_REDUCED_LIMIT.min(fullLimit.amount());
    }
    return Money.of(roundedUp, fullLimit.currency());
  }

  public boolean isPhasedOutCompletely(Money magi) {
    return !magi.isLessThan(end);
  }
}
