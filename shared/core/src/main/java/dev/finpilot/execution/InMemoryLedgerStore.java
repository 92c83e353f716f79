package dev.finpilot.execution;

import dev.finpilot.domain.InvalidCursorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ledger store for tests and the local runner. It keeps the same guarantees as the DynamoDB
 * adapter: commits are atomic, keyed by idempotency key and conditional on the books' version.
 */
public final class InMemoryLedgerStore implements LedgerStore {

  private static final Pattern POSITION = Pattern.compile("[1-9][0-9]{0,8}");

  private final Map<String, Partition> partitions = new HashMap<>();

  private static final class Partition {
    Books books;
    final Map<String, ExecutionRecord> executions = new HashMap<>();
    final List<Transaction> transactions = new ArrayList<>();
  }

  @Override
  public synchronized Optional<Books> books(String userId) {
    return Optional.ofNullable(partitions.get(userId)).map(p -> p.books);
  }

  @Override
  public synchronized Optional<ExecutionRecord> execution(String userId, String idempotencyKey) {
    return Optional.ofNullable(partitions.get(userId)).map(p -> p.executions.get(idempotencyKey));
  }

  /**
   * The cursor is the count of the user's transactions older than the page's last one: the log only
   * grows at the end, so that count still marks the same place after later commits.
   */
  @Override
  public synchronized Page<Transaction> transactions(String userId, int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Partition p = partitions.get(userId);
    List<Transaction> log = p == null ? List.of() : p.transactions;
    int end = cursor == null ? log.size() : position(cursor, log.size());
    int start = Math.max(0, end - limit);
    List<Transaction> newestFirst = new ArrayList<>(log.subList(start, end));
    Collections.reverse(newestFirst);
    return new Page<>(newestFirst, start == 0 ? null : Integer.toString(start));
  }

  private static int position(String cursor, int logSize) {
    if (POSITION.matcher(cursor).matches()) {
      int position = Integer.parseInt(cursor);
      if (position <= logSize) {
        return position;
      }
    }
    throw new InvalidCursorException();
  }

  @Override
  public synchronized CommitOutcome commit(Commit commit) {
    Partition p = partitions.computeIfAbsent(commit.userId(), id -> new Partition());
    if (p.executions.containsKey(commit.record().idempotencyKey())) {
      return CommitOutcome.KEY_ALREADY_USED;
    }
    long current = p.books == null ? 0 : p.books.version();
    if (current != commit.expectedVersion()) {
      return CommitOutcome.VERSION_CONFLICT;
    }
    p.books = commit.books();
    p.executions.put(commit.record().idempotencyKey(), commit.record());
    p.transactions.addAll(commit.transactions());
    return CommitOutcome.COMMITTED;
  }
}
