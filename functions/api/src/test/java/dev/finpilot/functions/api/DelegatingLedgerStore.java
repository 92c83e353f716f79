package dev.finpilot.functions.api;

import dev.finpilot.execution.Books;
import dev.finpilot.execution.ExecutionRecord;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.Transaction;
import java.util.Optional;
import java.util.function.Supplier;

/** Lets a test swap in a fresh in-memory ledger while the handler keeps one store. */
final class DelegatingLedgerStore implements LedgerStore {
  private final Supplier<LedgerStore> current;

  DelegatingLedgerStore(Supplier<LedgerStore> current) {
    this.current = current;
  }

  @Override
  public Optional<Books> books(String userId) {
    return current.get().books(userId);
  }

  @Override
  public Optional<ExecutionRecord> execution(String userId, String idempotencyKey) {
    return current.get().execution(userId, idempotencyKey);
  }

  @Override
  public Page<Transaction> transactions(String userId, int limit, String cursor) {
    return current.get().transactions(userId, limit, cursor);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return current.get().commit(commit);
  }
}
