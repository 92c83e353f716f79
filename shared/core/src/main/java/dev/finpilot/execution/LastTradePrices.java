package dev.finpilot.execution;

import dev.finpilot.domain.AssetClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The price each symbol a user holds last traded at in their own ledger: the cash paid or received
 * per unit in its latest buy or sale that was not undone by a reversal. The ledger is read newest
 * first and only until every symbol asked for has its price, so a long history costs reads only as
 * far back as the oldest of those positions' last trade.
 */
public final class LastTradePrices {
  static final int PAGE = 100;

  /** Decimal places of a per-unit price that does not divide exactly. */
  static final int SCALE = 10;

  private LastTradePrices() {}

  /**
   * Prices by symbol for those of {@code symbols} the ledger traded; a symbol never traded has
   * none.
   */
  public static Map<String, HoldingPrice> of(
      LedgerStore store, Books books, Collection<String> symbols) {
    Set<String> unpriced = new TreeSet<>(symbols);
    Map<String, HoldingPrice> prices = new TreeMap<>();
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
      Transaction trade, Set<String> unpriced, Map<String, HoldingPrice> prices) {
    for (Posting p : trade.postings()) {
      if (p.asset().assetClass() != AssetClass.CASH
          && p.quantity().signum() != 0
          && unpriced.remove(p.asset().symbol())) {
        prices.put(
            p.asset().symbol(),
            HoldingPrice.lastTrade(
                perUnit(trade.amount().amount(), p.quantity().abs()),
                trade.amount().currency(),
                trade.postedAt()));
      }
    }
  }

  /** Written like money (two places) when it is whole cents, else to as many places as it needs. */
  static BigDecimal perUnit(BigDecimal amount, BigDecimal quantity) {
    BigDecimal exact = amount.divide(quantity, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return exact.scale() < 2 ? exact.setScale(2) : exact;
  }
}
