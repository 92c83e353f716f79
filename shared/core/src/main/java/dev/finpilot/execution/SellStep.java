package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Sells {@code quantity} units of a held security at {@code price}. Proceeds are quantity x price
 * rounded half-even to the cent. The cost basis removed is the average cost of the units sold
 * (basis x sold / held, rounded half-even), or the whole basis when the position is closed, so no
 * fraction of a cent is ever left behind. The realised gain or loss (proceeds minus basis removed)
 * is posted against the outside world: it is money the market added or took.
 */
public record SellStep(AccountType account, String symbol, BigDecimal quantity, Money price)
    implements LedgerStep {

  public SellStep {
    quantity = Quantities.normalize(quantity);
  }

  @Override
  public TransactionType type() {
    return TransactionType.SELL;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    StepChecks.securitiesAccount(v, account, path + ".account");
    StepChecks.ticker(v, symbol, path + ".symbol");
    StepChecks.quantity(v, quantity, path + ".quantity");
    StepChecks.tradeValue(v, quantity, price, path, ledgerCurrency);
    return v.errors();
  }

  @Override
  public String canonical() {
    return "SELL|" + account + "|" + symbol + "|" + quantity.toPlainString() + "|" + price;
  }

  @Override
  public String describe() {
    return "sell " + quantity.toPlainString() + " " + symbol + " at " + price + " in " + account;
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    Holding held =
        books
            .require(account)
            .holding(symbol)
            .orElseThrow(
                () ->
                    new LedgerException(
                        LedgerException.Reason.INSUFFICIENT_HOLDINGS,
                        account + " holds no " + symbol));
    if (held.quantity().compareTo(quantity) < 0) {
      throw new LedgerException(
          LedgerException.Reason.INSUFFICIENT_HOLDINGS,
          account
              + " holds "
              + held.quantity().toPlainString()
              + " "
              + symbol
              + ", cannot sell "
              + quantity.toPlainString());
    }
    Money proceeds = price.times(quantity);
    Money basisSold = basisOf(held);
    Money gain = proceeds.minus(basisSold);
    List<Posting> postings = new ArrayList<>();
    postings.add(Posting.cash(Book.of(account), proceeds));
    postings.add(
        Posting.units(Book.of(account), held.asset(), quantity.negate(), basisSold.negate()));
    if (!gain.isZero()) {
      postings.add(Posting.cash(Book.EXTERNAL, gain.negate()));
    }
    return new Entry(proceeds, postings);
  }

  private Money basisOf(Holding held) {
    if (held.quantity().compareTo(quantity) == 0) {
      return held.costBasis();
    }
    BigDecimal share =
        held.costBasis()
            .amount()
            .multiply(quantity)
            .divide(held.quantity(), 2, RoundingMode.HALF_EVEN);
    return Money.of(share, held.costBasis().currency());
  }
}
