package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Market value of a user's accounts. Each holding is valued at quantity x price rounded half-even
 * to the cent, once, and the totals are exact sums of those values, so the account view and the
 * asset-class view always add up to the same total. Cash counts at face value under {@link
 * AssetClass#CASH}.
 *
 * @param unrealizedGain total value minus cash and cost basis: what selling everything would gain
 */
public record PortfolioValuation(
    Money total,
    Map<AccountType, Money> byAccount,
    Map<AssetClass, Money> byAssetClass,
    Money unrealizedGain) {

  public PortfolioValuation {
    byAccount = Collections.unmodifiableMap(new EnumMap<>(byAccount));
    byAssetClass = Collections.unmodifiableMap(new EnumMap<>(byAssetClass));
  }

  /** Values the books; every held symbol needs a price, or PRICE_MISSING is raised. */
  public static PortfolioValuation of(Books books, Map<String, Money> prices) {
    return value(books, symbol -> Optional.ofNullable(prices.get(symbol)).map(Money::amount));
  }

  /**
   * Values the books at exact prices per unit; every held symbol needs one in the books' currency,
   * or PRICE_MISSING is raised.
   */
  public static PortfolioValuation at(Books books, Map<String, HoldingPrice> prices) {
    return value(
        books,
        symbol ->
            Optional.ofNullable(prices.get(symbol))
                .filter(p -> p.currency().equals(books.currency()))
                .map(HoldingPrice::price));
  }

  private static PortfolioValuation value(
      Books books, Function<String, Optional<BigDecimal>> unitPrice) {
    Money zero = Money.zero(books.currency());
    Map<AccountType, Money> byAccount = new EnumMap<>(AccountType.class);
    Map<AssetClass, Money> byAssetClass = new EnumMap<>(AssetClass.class);
    Money total = zero;
    for (LedgerAccount account : books.accounts().values()) {
      Money accountValue = account.cash();
      byAssetClass.merge(AssetClass.CASH, account.cash(), Money::plus);
      for (Holding h : account.holdings().values()) {
        BigDecimal price =
            unitPrice
                .apply(h.asset().symbol())
                .orElseThrow(
                    () ->
                        new LedgerException(
                            LedgerException.Reason.PRICE_MISSING,
                            "no price for " + h.asset().symbol() + " held in " + account.type()));
        Money value = h.valueAt(price);
        accountValue = accountValue.plus(value);
        byAssetClass.merge(h.asset().assetClass(), value, Money::plus);
      }
      byAccount.put(account.type(), accountValue);
      total = total.plus(accountValue);
    }
    return new PortfolioValuation(
        total, byAccount, byAssetClass, total.minus(books.internalBookValue()));
  }
}
