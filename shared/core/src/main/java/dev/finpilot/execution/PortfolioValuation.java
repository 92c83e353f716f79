package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

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
    Money zero = Money.zero(books.currency());
    Map<AccountType, Money> byAccount = new EnumMap<>(AccountType.class);
    Map<AssetClass, Money> byAssetClass = new EnumMap<>(AssetClass.class);
    Money total = zero;
    for (LedgerAccount account : books.accounts().values()) {
      Money accountValue = account.cash();
      byAssetClass.merge(AssetClass.CASH, account.cash(), Money::plus);
      for (Holding h : account.holdings().values()) {
        Money price = prices.get(h.asset().symbol());
        if (price == null) {
          throw new LedgerException(
              LedgerException.Reason.PRICE_MISSING,
              "no price for " + h.asset().symbol() + " held in " + account.type());
        }
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
