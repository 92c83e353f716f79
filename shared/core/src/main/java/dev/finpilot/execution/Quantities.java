package dev.finpilot.execution;

import java.math.BigDecimal;

/**
 * Canonical form for security quantities. Quantities are kept without trailing zeros so that equal
 * amounts are equal records (BigDecimal equality is scale-sensitive) and fingerprints are stable.
 */
final class Quantities {

  /** Fractional shares down to one hundred-millionth, the finest unit brokers and crypto use. */
  static final int MAX_SCALE = 8;

  private Quantities() {}

  static BigDecimal normalize(BigDecimal quantity) {
    if (quantity == null) {
      return null;
    }
    BigDecimal stripped = quantity.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
