package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.util.Currency;

/** Field checks shared by the ledger steps, so every step words the same problem the same way. */
final class StepChecks {

  private StepChecks() {}

  static void positiveAmount(Validation v, Money amount, String field, Currency currency) {
    if (v.notNull(amount, field)) {
      v.require(
          amount.isPositive(), field, "must be positive, was " + amount.amount().toPlainString());
      v.require(
          amount.currency().equals(currency),
          field,
          "must be in "
              + currency.getCurrencyCode()
              + ", the ledger's currency, was "
              + amount.currency().getCurrencyCode());
    }
  }

  static void quantity(Validation v, BigDecimal quantity, String field) {
    if (v.notNull(quantity, field)) {
      v.require(quantity.signum() > 0, field, "must be positive, was " + quantity.toPlainString());
      v.require(
          quantity.scale() <= Quantities.MAX_SCALE,
          field,
          "must have at most " + Quantities.MAX_SCALE + " decimal places");
    }
  }

  static void ticker(Validation v, String symbol, String field) {
    if (v.notNull(symbol, field)) {
      v.require(
          Asset.isTicker(symbol),
          field,
          "must be an upper-case ticker of at most 12 letters, digits, dots or dashes, was '"
              + symbol
              + "'");
    }
  }

  static void securitiesAccount(Validation v, AccountType account, String field) {
    if (v.notNull(account, field)) {
      v.require(account != AccountType.CASH, field, "a CASH account cannot hold securities");
    }
  }

  /** Trades whose value rounds to zero cents would move units without moving money. */
  static void tradeValue(
      Validation v, BigDecimal quantity, Money price, String path, Currency currency) {
    if (quantity != null && quantity.signum() > 0 && price != null && price.isPositive()) {
      v.require(
          price.times(quantity).isPositive(),
          path + ".quantity",
          "trade value rounds to zero at a price of " + price.amount().toPlainString());
    }
    positiveAmount(v, price, path + ".price", currency);
  }
}
