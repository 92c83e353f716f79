package dev.finpilot.insight;

import dev.finpilot.domain.Money;
import dev.finpilot.verification.Evidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers in explanations and recommendations, written the way a US reader expects them and always
 * the same way for the same value, so the same version always gets the same text.
 */
final class ExplanationText {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ExplanationText() {}

  /** Whole dollars, for balances, targets and yearly figures. */
  static String dollars(Money money) {
    BigDecimal whole = money.amount().setScale(0, RoundingMode.HALF_EVEN);
    String digits = String.format(Locale.US, "%,d", whole.abs().longValueExact());
    return (whole.signum() < 0 ? "-$" : "$") + digits;
  }

  static String dollars(double amount) {
    return dollars(Money.usd(BigDecimal.valueOf(Math.round(amount))));
  }

  /** A probability or share with one decimal: 0.8734 is 87.3%. */
  static String percent(double ratio) {
    return String.format(Locale.US, "%.1f%%", ratio * 100);
  }

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
  }

  static String score(double score) {
    return String.format(Locale.US, "%.3f", score);
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
