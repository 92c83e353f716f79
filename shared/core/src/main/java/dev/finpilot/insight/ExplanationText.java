package dev.finpilot.insight;

import dev.finpilot.domain.Money;
import dev.finpilot.verification.Evidence;
import java.math.BigDecimal;

/**
 * Rates and findings' measurements in explanations and recommendations, written the same way for
 * the same value, so the same version always gets the same text; dollars, probabilities and scores
 * are written by {@link dev.finpilot.planning.Format}, as in the plan's own steps.
 */
final class ExplanationText {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ExplanationText() {}

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
  }

  /** A finding's measured value or limit in its unit. */
  static String evidence(BigDecimal value, Evidence.Unit unit) {
    return switch (unit) {
      case USD -> Money.usd(value).formatted();
      case USD_PER_YEAR -> Money.usd(value).formatted() + " a year";
      case USD_PER_MONTH -> Money.usd(value).formatted() + " a month";
      case RATIO -> percent(value);
      case MONTHS -> value.stripTrailingZeros().toPlainString() + " months";
      case YEARS -> value.stripTrailingZeros().toPlainString() + " years";
      case COUNT -> value.stripTrailingZeros().toPlainString();
    };
  }
}
