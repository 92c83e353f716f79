package dev.finpilot.functions.api.report;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the report writes its figures. Amounts are formatted from their exact decimal value (never
 * through a double), in the US style the rest of FinPilot's text uses.
 */
public final class Figures {
  private Figures() {}

  /** {@code $1,500,000.00}; another currency as {@code 1,500,000.00 INR}. */
  public static String money(Money money) {
    String amount = grouped(money.amount(), "#,##0.00");
    return Money.USD.equals(money.currency())
        ? dollarSign(amount)
        : amount + " " + money.currency().getCurrencyCode();
  }

  /** A whole-dollar amount: {@code $1,234,567}. */
  public static String dollars(BigDecimal wholeDollars) {
    return dollarSign(grouped(wholeDollars, "#,##0"));
  }

  /** A probability as a percentage with one decimal: 0.8534 is {@code 85.3%}. */
  public static String percent(double probability) {
    return percentOf(probability).toPlainString() + "%";
  }

  /** The percentage {@link #percent} writes, as a number. */
  public static BigDecimal percentOf(double probability) {
    return BigDecimal.valueOf(probability).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
  }

  /** An exact fraction as a percentage, every digit kept: 0.2290 is {@code 22.9%}. */
  public static String share(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** A score in [0, 1] with three decimals, as the planner's reasons write it. */
  public static String score(double score) {
    return BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String dollarSign(String amount) {
    return amount.startsWith("-") ? "-$" + amount.substring(1) : "$" + amount;
  }

  private static String grouped(BigDecimal amount, String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(amount);
  }
}
