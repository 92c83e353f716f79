package dev.finpilot.execution;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store that passes everything through, so a test can override one method to stage a race, or
 * swap in a fresh store while the code under test keeps this one.
 */
public class DelegatingStore implements LedgerStore {
  private final Supplier<LedgerStore> delegate;

  public DelegatingStore(LedgerStore delegate) {
    this(() -> delegate);
  }

  /** Passes each call to the store {@code current} gives at the time of the call. */
  public DelegatingStore(Supplier<LedgerStore> current) {
    this.delegate = current;
  }

  @Override
  public Optional<Books> books(String userId) {
    return delegate.get().books(userId);
  }

  @Override
  public Optional<ExecutionRecord> execution(String userId, String idempotencyKey) {
    return delegate.get().execution(userId, idempotencyKey);
  }

  @Override
  public Page<Transaction> transactions(String userId, int limit, String cursor) {
    return delegate.get().transactions(userId, limit, cursor);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return delegate.get().commit(commit);
  }
}
