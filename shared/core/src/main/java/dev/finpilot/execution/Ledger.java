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
 * reason. If another writer changed the books in between (the store refuses the write), the
 * execution is recomputed against the books that writer committed, up to {@link #MAX_ATTEMPTS}
 * times: the same steps, each decided again on those books, so a request's steps must not assume
 * what the books held when it was made (a plan's first month opens its accounts {@link
 * OpenAccountStep#unlessOpen unless open}).
 *
 * <p>A request can replace an earlier execution ({@link ExecutionRequest#replaces()}), such as a
 * new plan version's first month replacing the previous version's: when both fall in the same
 * calendar month, the earlier one is reversed in the same commit before the new steps are posted,
 * so the month is carried out once.
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
    Replacement replacement =
        request
            .replaces()
            .map(key -> Replacement.of(store, key, before, now))
            .orElseGet(() -> Replacement.none(before));
    if (replacement.refusal().isPresent()) {
      return refused(request, before, replacement.refusal().get());
    }
    Books books = replacement.books();
    List<Transaction> posted = new ArrayList<>();
    Optional<StepFailure> failure = Optional.empty();
    for (int i = 0; i < request.steps().size(); i++) {
      LedgerStep step = request.steps().get(i);
      if (!step.isDueOn(books)) {
        continue;
      }
      try {
        Transaction t = transaction(request.idempotencyKey(), i, step, books, now);
        books = books.apply(t);
        posted.add(t);
      } catch (LedgerException e) {
        failure = Optional.of(new StepFailure(i, step.describe(), e.reason(), e.detail()));
        break;
      }
    }
    if (failure.isPresent() && replacement.undoes()) {
      // The replaced execution must stand as it was, so neither its reversal nor any step is
      // posted.
      return refused(request, before, failure.get());
    }
    List<Transaction> compensations = List.of();
    if (failure.isPresent()) {
      Reversals undo = Reversals.of(posted, books, now);
      books = undo.books();
      compensations = undo.transactions();
    }
    return result(
        request,
        failure,
        replacement.reversals(),
        posted,
        compensations,
        books.withVersion(nextVersion(request, before)));
  }

  /** A refusal that posts nothing: the books stay as they were. */
  private static ExecutionResult refused(
      ExecutionRequest request, Books before, StepFailure failure) {
    return result(
        request,
        Optional.of(failure),
        List.of(),
        List.of(),
        List.of(),
        before.withVersion(nextVersion(request, before)));
  }

  private static ExecutionResult result(
      ExecutionRequest request,
      Optional<StepFailure> failure,
      List<Transaction> reversalsOfReplaced,
      List<Transaction> transactions,
      List<Transaction> compensations,
      Books after) {
    return new ExecutionResult(
        request.userId(),
        request.planId(),
        request.planVersion(),
        request.idempotencyKey(),
        request.dryRun(),
        failure.isPresent() ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED,
        reversalsOfReplaced,
        transactions,
        compensations,
        failure,
        after);
  }

  /** A committed execution moves the books one version on, also when it posts nothing. */
  private static long nextVersion(ExecutionRequest request, Books before) {
    return request.dryRun() ? before.version() : before.version() + 1;
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
    List<Transaction> all = new ArrayList<>(result.reversalsOfReplaced());
    all.addAll(result.transactions());
    all.addAll(result.compensations());
    return all;
  }
}
