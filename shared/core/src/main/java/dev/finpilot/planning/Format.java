package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Amounts and names in trace reasons, steps and the insight texts, the way a US planner reads them.
 */
public final class Format {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Format() {}

  /** Whole dollars, for large figures such as targets and balances. */
  public static String dollars(Money money) {
    BigDecimal whole = money.amount().setScale(0, RoundingMode.HALF_EVEN);
    String digits = String.format(Locale.US, "%,d", whole.abs().longValueExact());
    return (whole.signum() < 0 ? "-$" : "$") + digits;
  }

  public static String dollars(double amount) {
    return dollars(Money.usd(BigDecimal.valueOf(Math.round(amount))));
  }

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  public static String percent(double ratio) {
    return String.format(Locale.US, "%.1f%%", ratio * 100);
  }

  static String account(AccountType type) {
    return type == AccountType.CASH ? "cash (emergency fund and near-term goals)" : type.label();
  }

  public static String score(double score) {
    return String.format(Locale.US, "%.3f", score);
  }
}
