package dev.finpilot.execution;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The price each symbol a user holds last traded at in their own ledger: the cash paid or received
 * per unit in its latest buy or sale that was not undone by a reversal. The ledger is read newest
 * first and only until every held symbol has its price, so a long history costs reads only as far
 * back as the oldest position's last trade.
 */
public final class LastTradePrices {
  static final int PAGE = 100;

  private LastTradePrices() {}

  /** Prices by symbol for the holdings in {@code books}; a holding never traded has none. */
  public static Map<String, Money> of(LedgerStore store, Books books) {
    Set<String> unpriced = new TreeSet<>();
    books.accounts().values().forEach(a -> unpriced.addAll(a.holdings().keySet()));
    Map<String, Money> prices = new TreeMap<>();
    // Newest first, a reversal is read before the trade it undoes.
    Set<String> undone = new HashSet<>();
    String cursor = null;
    boolean more = !unpriced.isEmpty();
    while (more) {
      LedgerStore.Page<Transaction> page = store.transactions(books.userId(), PAGE, cursor);
      for (Transaction t : page.items()) {
        t.reversalOf().ifPresent(undone::add);
        if (isTrade(t) && !undone.contains(t.id())) {
          priceUnpriced(t, unpriced, prices);
        }
      }
      cursor = page.nextCursor();
      more = cursor != null && !unpriced.isEmpty();
    }
    return prices;
  }

  private static boolean isTrade(Transaction t) {
    return (t.type() == TransactionType.BUY || t.type() == TransactionType.SELL)
        && t.reversalOf().isEmpty();
  }

  /** Newest first, so the first trade seen of a symbol is its last. */
  private static void priceUnpriced(
      Transaction trade, Set<String> unpriced, Map<String, Money> prices) {
    for (Posting p : trade.postings()) {
      if (p.asset().assetClass() != AssetClass.CASH
          && p.quantity().signum() != 0
          && unpriced.remove(p.asset().symbol())) {
        BigDecimal perUnit =
            trade.amount().amount().divide(p.quantity().abs(), 10, RoundingMode.HALF_EVEN);
        prices.put(p.asset().symbol(), Money.of(perUnit, trade.amount().currency()));
      }
    }
  }
}
