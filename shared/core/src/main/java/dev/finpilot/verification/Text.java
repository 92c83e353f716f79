package dev.finpilot.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats amounts in finding messages the way a US planner reads them. */
final class Text {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Text() {}

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  static String months(BigDecimal months) {
    return months.setScale(1, RoundingMode.DOWN).toPlainString();
  }
}
