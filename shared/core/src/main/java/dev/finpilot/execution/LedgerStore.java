package dev.finpilot.execution;

import dev.finpilot.domain.InvalidCursorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port to the ledger's storage. The shape follows a single-table DynamoDB design with one partition
 * per user ({@code pk = USER#<userId>}):
 *
 * <ul>
 *   <li>{@code sk = BOOKS}: the whole {@link Books} (currency, version, external balance, every
 *       account with its cash, holdings and contributions by year) and the version on its own;
 *   <li>{@code sk = TXN#<commit sequence>}: one transaction with its postings. The sequence is the
 *       books version the commit started from times 1,000 plus the transaction's position in the
 *       commit, zero-padded to 12 digits, so the sort key orders transactions by commit and a query
 *       read backwards gives them newest first;
 *   <li>{@code sk = EXEC#<idempotency key>}: the request fingerprint and the result.
 * </ul>
 *
 * <p>A {@link Commit} is one {@code TransactWriteItems} call: put the execution item on condition
 * {@code attribute_not_exists(pk)}, put the transaction items likewise, and put the books item on
 * condition {@code version = expectedVersion} (on {@code attribute_not_exists(pk)} for a user's
 * first commit). Either all of it is written or none.
 */
public interface LedgerStore {

  /** The user's books, or empty if they never had a committed execution. */
  Optional<Books> books(String userId);

  Optional<ExecutionRecord> execution(String userId, String idempotencyKey);

  /**
   * One page of the user's transactions, newest first. Pages never skip or repeat a transaction,
   * also while new ones are committed: those are newer than any cursor and appear on a new first
   * page. A page may hold fewer than {@code limit} transactions and still have a next one.
   *
   * @param limit the most transactions to return, at least 1
   * @param cursor {@code null} for the newest transactions, else the {@link Page#nextCursor()} of
   *     the previous page of the same user
   * @throws InvalidCursorException if {@code cursor} is not in the form this store makes
   */
  Page<Transaction> transactions(String userId, int limit, String cursor);

  /** Every transaction of the user, in the order they were committed. */
  default List<Transaction> transactions(String userId) {
    List<Transaction> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<Transaction> page = transactions(userId, 1_000, cursor);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    Collections.reverse(all);
    return all;
  }

  /**
   * Writes a whole execution atomically. A used key is reported before a stale version, so a
   * redelivered request is recognised as a replay even if the books moved on meanwhile.
   */
  CommitOutcome commit(Commit commit);

  /**
   * Some items, in the order of the read that made them.
   *
   * @param nextCursor where the next page starts; {@code null} when there is none
   */
  record Page<T>(List<T> items, String nextCursor) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** What happened to a commit. */
  enum CommitOutcome {
    COMMITTED,
    /** An execution with this idempotency key exists already; nothing was written. */
    KEY_ALREADY_USED,
    /** The books changed since they were read; nothing was written. */
    VERSION_CONFLICT
  }

  /**
   * One execution's writes.
   *
   * @param expectedVersion the version of the books the execution was computed from
   * @param books the books after the execution, with version {@code expectedVersion + 1}
   */
  record Commit(
      long expectedVersion, Books books, ExecutionRecord record, List<Transaction> transactions) {

    public Commit {
      Objects.requireNonNull(books, "books");
      Objects.requireNonNull(record, "record");
      transactions = List.copyOf(transactions);
      if (books.version() != expectedVersion + 1) {
        throw new IllegalArgumentException("the new books must carry expectedVersion + 1");
      }
    }

    public String userId() {
      return books.userId();
    }
  }
}
