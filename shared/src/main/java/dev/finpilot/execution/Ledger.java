package dev.finpilot.execution;

import dev.finpilot.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated ledger: carries out executions against one user's books at a time, with exact
 * money, no overdrafts, enforced contribution limits, idempotency keys and compensation.
 *
 * <p>An execution is computed in memory against the books as read, then committed in one atomic
 * write. If step k is refused, steps 0..k-1 are reversed by posting reversal transactions (the
 * originals stay, so the audit trail shows what was tried) and the result names the step and the
 * reason. If another writer changed the books in between, the execution is recomputed against the
 * new books, up to {@link #MAX_ATTEMPTS} times.
 *
 * <p>A ledger is cheap to build: the execution agent builds one per request, with the contribution
 * limits that apply to that user's age and coverage.
 */
public final class Ledger {

  static final int MAX_ATTEMPTS = 3;

  private final LedgerStore store;
  private final ContributionLimits limits;
  private final Clock clock;
  private final Currency currency;

  public Ledger(LedgerStore store, ContributionLimits limits, Clock clock, Currency currency) {
    this.store = Objects.requireNonNull(store, "store");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  /** A ledger kept in US dollars. */
  public Ledger(LedgerStore store, ContributionLimits limits, Clock clock) {
    this(store, limits, clock, Money.USD);
  }

  /**
   * Carries out (or, for a dry run, simulates) the request. A refused step does not throw: the
   * result reports it. Throws {@link dev.finpilot.domain.ValidationException} for malformed input,
   * and {@link LedgerException} for a key reused with a different request, for books kept in
   * another currency, or when concurrent writers keep winning.
   */
  public ExecutionResult apply(ExecutionRequest request) {
    request.requireValid(currency);
    if (!request.dryRun()) {
      Optional<ExecutionResult> earlier = replay(request);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Books before = books(request.userId());
      ExecutionResult result = run(request, before);
      if (request.dryRun()) {
        return result;
      }
      LedgerStore.Commit commit =
          new LedgerStore.Commit(
              before.version(),
              result.books(),
              new ExecutionRecord(request.idempotencyKey(), request.fingerprint(), result),
              posted(result));
      LedgerStore.CommitOutcome outcome = store.commit(commit);
      if (outcome == LedgerStore.CommitOutcome.COMMITTED) {
        return result;
      }
      if (outcome == LedgerStore.CommitOutcome.KEY_ALREADY_USED) {
        return replay(request)
            .orElseThrow(() -> new IllegalStateException("store lost a used key"));
      }
      // VERSION_CONFLICT: another execution committed first; recompute against its books.
    }
    throw new LedgerException(
        LedgerException.Reason.CONCURRENT_MODIFICATION,
        "the books of "
            + request.userId()
            + " changed during "
            + MAX_ATTEMPTS
            + " attempts; retry with the same idempotency key");
  }

  /** The user's current books; empty books in this ledger's currency for a new user. */
  public Books books(String userId) {
    Books books = store.books(userId).orElseGet(() -> Books.empty(userId, currency));
    if (!books.currency().equals(currency)) {
      throw new LedgerException(
          LedgerException.Reason.CURRENCY_MISMATCH,
          "the books of " + userId + " are kept in " + books.currency().getCurrencyCode());
    }
    return books;
  }

  public List<Transaction> transactions(String userId) {
    return store.transactions(userId);
  }

  /** Market value of the user's accounts at the given prices (by symbol). */
  public PortfolioValuation valuation(String userId, Map<String, Money> prices) {
    return PortfolioValuation.of(books(userId), prices);
  }

  private Optional<ExecutionResult> replay(ExecutionRequest request) {
    Optional<ExecutionRecord> record = store.execution(request.userId(), request.idempotencyKey());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    if (!record.get().fingerprint().equals(request.fingerprint())) {
      throw new LedgerException(
          LedgerException.Reason.IDEMPOTENCY_CONFLICT,
          "idempotency key '"
              + request.idempotencyKey()
              + "' was already used for a different request");
    }
    return Optional.of(record.get().result());
  }

  private ExecutionResult run(ExecutionRequest request, Books before) {
    Instant now = clock.instant();
    Books books = before;
    List<Transaction> posted = new ArrayList<>();
    Optional<StepFailure> failure = Optional.empty();
    for (int i = 0; i < request.steps().size(); i++) {
      LedgerStep step = request.steps().get(i);
      try {
        Transaction t = transaction(request.idempotencyKey(), i, step, books, now);
        books = books.apply(t);
        posted.add(t);
      } catch (LedgerException e) {
        failure = Optional.of(new StepFailure(i, step.describe(), e.reason(), e.detail()));
        break;
      }
    }
    List<Transaction> compensations = new ArrayList<>();
    if (failure.isPresent()) {
      for (int i = posted.size() - 1; i >= 0; i--) {
        Transaction reversal = posted.get(i).reversal(now);
        books = books.apply(reversal);
        compensations.add(reversal);
      }
    }
    long version = request.dryRun() ? before.version() : before.version() + 1;
    return new ExecutionResult(
        request.userId(),
        request.planId(),
        request.planVersion(),
        request.idempotencyKey(),
        request.dryRun(),
        failure.isPresent() ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
        posted,
        compensations,
        failure,
        books.withVersion(version));
  }

  private Transaction transaction(
      String key, int index, LedgerStep step, Books books, Instant now) {
    LedgerStep.Entry entry = step.entry(books, limits);
    return new Transaction(
        Transaction.idFor(key, index),
        key,
        index,
        step.type(),
        step.account(),
        entry.amount(),
        step.contributionYear(),
        Optional.empty(),
        now,
        step.describe(),
        entry.postings());
  }

  private static List<Transaction> posted(ExecutionResult result) {
    List<Transaction> all = new ArrayList<>(result.transactions());
    all.addAll(result.compensations());
    return all;
  }
}
