package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Buys {@code quantity} units of a security at {@code price} with the account's cash. The cost is
 * quantity x price rounded half-even to the cent; it leaves cash and becomes the holding's cost
 * basis, so the account's book value is unchanged by the trade.
 */
public record BuyStep(AccountType account, Asset asset, BigDecimal quantity, Money price)
    implements LedgerStep {

  /** Whole-share precision brokers commonly offer for fractional investing by amount. */
  static final int AMOUNT_QUANTITY_SCALE = 6;

  public BuyStep {
    quantity = Quantities.normalize(quantity);
  }

  /**
   * The buy that invests at most {@code amount}: the quantity is amount / price rounded down to six
   * decimals, so the cost never exceeds the amount (it may fall short by a fraction of a cent).
   */
  public static BuyStep forAmount(AccountType account, Asset asset, Money amount, Money price) {
    BigDecimal quantity =
        amount.amount().divide(price.amount(), AMOUNT_QUANTITY_SCALE, RoundingMode.DOWN);
    return new BuyStep(account, asset, quantity, price);
  }

  @Override
  public TransactionType type() {
    return TransactionType.BUY;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    StepChecks.securitiesAccount(v, account, path + ".account");
    if (v.notNull(asset, path + ".asset")) {
      StepChecks.ticker(v, asset.symbol(), path + ".asset.symbol");
    }
    StepChecks.quantity(v, quantity, path + ".quantity");
    StepChecks.tradeValue(v, quantity, price, path, ledgerCurrency);
    return v.errors();
  }

  @Override
  public String canonical() {
    return "BUY|"
        + account
        + "|"
        + asset.symbol()
        + "|"
        + asset.assetClass()
        + "|"
        + quantity.toPlainString()
        + "|"
        + price;
  }

  @Override
  public String describe() {
    return "buy "
        + quantity.toPlainString()
        + " "
        + asset.symbol()
        + " at "
        + price
        + " in "
        + account;
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    books
        .require(account)
        .holding(asset.symbol())
        .filter(h -> h.asset().assetClass() != asset.assetClass())
        .ifPresent(
            h -> {
              throw new LedgerException(
                  LedgerException.Reason.ASSET_CLASS_MISMATCH,
                  asset.symbol()
                      + " is held in "
                      + account
                      + " as "
                      + h.asset().assetClass()
                      + ", not "
                      + asset.assetClass());
            });
    Money cost = price.times(quantity);
    return new Entry(
        cost,
        List.of(
            Posting.cash(Book.of(account), cost.negate()),
            Posting.units(Book.of(account), asset, quantity, cost)));
  }
}
