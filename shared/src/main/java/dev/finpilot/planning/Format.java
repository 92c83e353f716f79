package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Amounts and names in trace reasons and steps, the way a US planner reads them. */
final class Format {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Format() {}

  static String usd(Money money) {
    String digits = String.format(Locale.US, "%,.2f", money.amount().abs());
    return (money.isNegative() ? "-$" : "$") + digits;
  }

  /** Whole dollars, for large figures such as targets and balances. */
  static String dollars(Money money) {
    BigDecimal whole = money.amount().setScale(0, RoundingMode.HALF_EVEN);
    String digits = String.format(Locale.US, "%,d", whole.abs().longValueExact());
    return (whole.signum() < 0 ? "-$" : "$") + digits;
  }

  static String dollars(double amount) {
    return dollars(Money.usd(BigDecimal.valueOf(Math.round(amount))));
  }

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  static String percent(double ratio) {
    return String.format(Locale.US, "%.1f%%", ratio * 100);
  }

  static String account(AccountType type) {
    return switch (type) {
      case CASH -> "cash (emergency fund and near-term goals)";
      case TAXABLE_BROKERAGE -> "taxable brokerage account";
      case EMPLOYER_401K -> "401(k)";
      case EMPLOYER_403B -> "403(b)";
      case TRADITIONAL_IRA -> "traditional IRA";
      case ROTH_IRA -> "Roth IRA";
      case HSA -> "HSA";
      case EDUCATION_529 -> "529 plan";
    };
  }

  static String score(double score) {
    return String.format(Locale.US, "%.3f", score);
  }
}
