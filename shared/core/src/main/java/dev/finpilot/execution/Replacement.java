package dev.finpilot.execution;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an execution that replaces an earlier one undoes first, in its own commit. The earlier
 * execution is undone when it completed in the same calendar month (UTC) and none of its
 * transactions has been reversed yet: both carry out the same month, so only the newer one may
 * stand. One from an earlier month was that month's instructions and stands.
 *
 * @param reversals the reversals of the replaced execution's transactions; empty when nothing is
 *     undone
 * @param books the books the replacing steps start from
 * @param refusal why the replaced execution cannot be undone; the books are then unchanged
 */
record Replacement(List<Transaction> reversals, Books books, Optional<StepFailure> refusal) {

  static final int PAGE = 100;

  Replacement {
    reversals = List.copyOf(reversals);
  }

  static Replacement none(Books books) {
    return new Replacement(List.of(), books, Optional.empty());
  }

  static Replacement of(LedgerStore store, String replacedKey, Books books, Instant now) {
    Optional<ExecutionResult> replaced =
        store
            .execution(books.userId(), replacedKey)
            .map(ExecutionRecord::result)
            .filter(r -> r.succeeded() && postedIn(r, month(now)));
    if (replaced.isEmpty() || anyReversed(store, books.userId(), replaced.get().transactions())) {
      return none(books);
    }
    try {
      Reversals undo = Reversals.of(replaced.get().transactions(), books, now);
      return new Replacement(undo.transactions(), undo.books(), Optional.empty());
    } catch (LedgerException e) {
      return new Replacement(
          List.of(), books, Optional.of(StepFailure.undoing(replacedKey, e.reason(), e.detail())));
    }
  }

  boolean undoes() {
    return !reversals.isEmpty();
  }

  private static YearMonth month(Instant at) {
    return YearMonth.from(at.atZone(ZoneOffset.UTC));
  }

  /** All of an execution's transactions carry the instant it was computed at. */
  private static boolean postedIn(ExecutionResult result, YearMonth month) {
    return result.transactions().stream()
        .findFirst()
        .filter(t -> month(t.postedAt()).equals(month))
        .isPresent();
  }

  /**
   * Whether a reversal of any of {@code originals} was posted, which makes a second undo
   * impossible. Reads the ledger newest first and only back to the originals, since a reversal is
   * always newer than what it reverses: for an execution of this month, that is this month's
   * transactions.
   */
  private static boolean anyReversed(
      LedgerStore store, String userId, List<Transaction> originals) {
    Set<String> ids = originals.stream().map(Transaction::id).collect(Collectors.toSet());
    String cursor = null;
    do {
      LedgerStore.Page<Transaction> page = store.transactions(userId, PAGE, cursor);
      for (Transaction t : page.items()) {
        if (t.reversalOf().filter(ids::contains).isPresent()) {
          return true;
        }
        if (ids.contains(t.id())) {
          return false;
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return false;
  }
}
