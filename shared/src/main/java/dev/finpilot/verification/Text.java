package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Formats amounts in finding messages the way a US planner reads them. */
final class Text {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Text() {}

  static String usd(Money money) {
    String digits = String.format(Locale.US, "%,.2f", money.amount().abs());
    return (money.isNegative() ? "-$" : "$") + digits;
  }

  static String percent(BigDecimal ratio) {
    return ratio.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  static String months(BigDecimal months) {
    return months.setScale(1, RoundingMode.DOWN).toPlainString();
  }

  static String account(AccountType type) {
    return switch (type) {
      case CASH -> "cash";
      case TAXABLE_BROKERAGE -> "taxable brokerage account";
      case EMPLOYER_401K -> "401(k)";
      case EMPLOYER_403B -> "403(b)";
      case TRADITIONAL_IRA -> "traditional IRA";
      case ROTH_IRA -> "Roth IRA";
      case HSA -> "HSA";
      case EDUCATION_529 -> "529 plan";
    };
  }
}
