package dev.finpilot.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoing posted transactions by posting their reversals, newest first, on top of the books: how a
 * refused execution compensates its earlier steps, and how a replacement undoes the execution it
 * replaces.
 *
 * @param transactions the reversals, in the order they are posted
 * @param books the books once every reversal is posted
 */
record Reversals(List<Transaction> transactions, Books books) {

  Reversals {
    transactions = List.copyOf(transactions);
  }

  /**
   * Reverses {@code originals} (given in the order they were posted) onto {@code books}. An account
   * the originals opened is closed again only if nothing is left in it: when other executions have
   * since put money into it, it stays open rather than taking their money with it.
   *
   * @throws LedgerException if a reversal would overdraw an account or sell units no longer held,
   *     naming the reversal
   */
  static Reversals of(List<Transaction> originals, Books books, Instant at) {
    List<Transaction> reversals = new ArrayList<>();
    Books after = books;
    for (int i = originals.size() - 1; i >= 0; i--) {
      Transaction original = originals.get(i);
      if (original.type() == TransactionType.OPEN_ACCOUNT
          && !after.require(original.account()).isEmpty()) {
        continue;
      }
      Transaction reversal = original.reversal(at);
      try {
        after = after.apply(reversal);
      } catch (LedgerException e) {
        throw new LedgerException(
            e.reason(),
            "cannot post the reversal of "
                + original.id()
                + " ("
                + original.description()
                + "): "
                + e.detail());
      }
      reversals.add(reversal);
    }
    return new Reversals(reversals, after);
  }
}
