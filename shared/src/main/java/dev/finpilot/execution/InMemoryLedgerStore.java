package dev.finpilot.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger store for tests and the local runner. It keeps the same guarantees as the DynamoDB
 * adapter: commits are atomic, keyed by idempotency key and conditional on the books' version.
 */
public final class InMemoryLedgerStore implements LedgerStore {

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

  @Override
  public synchronized List<Transaction> transactions(String userId) {
    Partition p = partitions.get(userId);
    return p == null ? List.of() : List.copyOf(p.transactions);
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
