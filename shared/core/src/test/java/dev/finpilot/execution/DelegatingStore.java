package dev.finpilot.execution;

import java.util.Optional;

/** A store that passes everything through, so a test can override one method to stage a race. */
class DelegatingStore implements LedgerStore {
  private final LedgerStore delegate;

  DelegatingStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Books> books(String userId) {
    return delegate.books(userId);
  }

  @Override
  public Optional<ExecutionRecord> execution(String userId, String idempotencyKey) {
    return delegate.execution(userId, idempotencyKey);
  }

  @Override
  public Page<Transaction> transactions(String userId, int limit, String cursor) {
    return delegate.transactions(userId, limit, cursor);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return delegate.commit(commit);
  }
}
