package dev.finpilot.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, held at cent precision. Arithmetic across currencies is refused
 * rather than silently mixing, because a plan in INR must never be added to a ledger in USD.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public static final Currency USD = Currency.getInstance("USD");
  public static final Currency INR = Currency.getInstance("INR");
  private static final int SCALE = 2;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  public static Money usd(String amount) {
    return new Money(new BigDecimal(amount), USD);
  }

  public static Money usd(long wholeDollars) {
    return new Money(BigDecimal.valueOf(wholeDollars), USD);
  }

  public static Money usd(BigDecimal amount) {
    return new Money(amount, USD);
  }

  public static Money ofCents(long cents, Currency currency) {
    return new Money(BigDecimal.valueOf(cents, SCALE), currency);
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public static Money zeroUsd() {
    return zero(USD);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** Multiplies and rounds half-even to the cent, the convention for interest and allocations. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  public Money dividedBy(long divisor) {
    return new Money(
        amount.divide(BigDecimal.valueOf(divisor), SCALE, RoundingMode.HALF_EVEN), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public long toCents() {
    return amount.movePointRight(SCALE).longValueExact();
  }

  /** For projections only: the engines simulate in doubles, ledgers never do. */
  public double toDouble() {
    return amount.doubleValue();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: "
              + currency.getCurrencyCode()
              + " vs "
              + other.currency.getCurrencyCode());
    }
  }

  /**
   * As a US reader expects it in messages: {@code $1,234.56}, {@code -$5.00}, {@code INR
   * 2,000,000.00}.
   */
  public String formatted() {
    String digits = String.format(java.util.Locale.US, "%,.2f", amount.abs());
    String sign = amount.signum() < 0 ? "-" : "";
    return USD.equals(currency)
        ? sign + "$" + digits
        : sign + currency.getCurrencyCode() + " " + digits;
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
