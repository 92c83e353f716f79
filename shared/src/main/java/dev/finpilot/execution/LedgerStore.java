package dev.finpilot.execution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port to the ledger's storage. The shape follows a single-table DynamoDB design with one partition
 * per user ({@code PK = USER#<userId>}):
 *
 * <ul>
 *   <li>{@code SK = BOOKS}: currency, version, external balance;
 *   <li>{@code SK = ACCOUNT#<type>}: cash, holdings, contributions by year;
 *   <li>{@code SK = TXN#<transaction id>}: one transaction with its postings;
 *   <li>{@code SK = EXEC#<idempotency key>}: the request fingerprint and the result.
 * </ul>
 *
 * <p>A {@link Commit} is one {@code TransactWriteItems} call: put the execution item on condition
 * {@code attribute_not_exists(SK)}, put the transaction items likewise, and update the books item
 * on condition {@code version = expectedVersion}. Either all of it is written or none.
 */
public interface LedgerStore {

  /** The user's books, or empty if they never had a committed execution. */
  Optional<Books> books(String userId);

  Optional<ExecutionRecord> execution(String userId, String idempotencyKey);

  /** Every transaction of the user, in the order they were committed. */
  List<Transaction> transactions(String userId);

  /**
   * Writes a whole execution atomically. A used key is reported before a stale version, so a
   * redelivered request is recognised as a replay even if the books moved on meanwhile.
   */
  CommitOutcome commit(Commit commit);

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
