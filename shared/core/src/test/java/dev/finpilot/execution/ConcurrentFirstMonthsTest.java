package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.CLOCK;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two plans of one user executed at about the same time: both read the same books, one commits, and
 * the other's write conflicts and is computed again on the books the first one committed.
 */
class ConcurrentFirstMonthsTest {

  private final InMemoryLedgerStore shared = new InMemoryLedgerStore();

  /** Plan A: 300 kept in cash, 500 into the Roth IRA. */
  static final Plan PLAN_A =
      FirstMonthPostingsTest.plan(
          new Contribution(CASH, Money.usd(300)), new Contribution(ROTH_IRA, Money.usd("500.25")));

  /** Plan B: 100 kept in cash, 200 into the taxable account. */
  static final Plan PLAN_B =
      FirstMonthPostingsTest.plan(
          new Contribution(CASH, Money.usd(100)),
          new Contribution(TAXABLE_BROKERAGE, Money.usd("200.10")));

  /** Plan A's second version, after a review: 250 kept in cash, 50 into the taxable account. */
  static final Plan PLAN_A_REVIEWED =
      FirstMonthPostingsTest.plan(
          new Contribution(CASH, Money.usd(250)),
          new Contribution(TAXABLE_BROKERAGE, Money.usd(50)));

  /** Plan C: 100 kept in cash, 150 into the Roth IRA. */
  static final Plan PLAN_C =
      FirstMonthPostingsTest.plan(
          new Contribution(CASH, Money.usd(100)), new Contribution(ROTH_IRA, Money.usd(150)));

  private static ExecutionRequest firstMonth(String planId, Plan plan) {
    return firstMonth(planId, 1, plan);
  }

  private static ExecutionRequest firstMonth(String planId, int version, Plan plan) {
    return ExecutionRequest.forPlan(
        USER,
        planId,
        version,
        planId + "#v" + version + "#first-month",
        FirstMonthPostings.of(plan, 2025));
  }

  /** Plan A's second version replacing the first one's month (the same calendar month). */
  static final ExecutionRequest REVIEWED_A =
      firstMonth("plan-a", 2, PLAN_A_REVIEWED).replacing("plan-a#v1#first-month");

  private final Ledger ledger = new Ledger(shared, LIMITS, CLOCK);
  private final List<LedgerStore.CommitOutcome> outcomes = new ArrayList<>();

  /**
   * Applies {@code request} on a store whose first commit lets {@code rival} be applied and
   * committed first: both have read the same books by then, so this request's write conflicts.
   */
  private ExecutionResult overtaken(ExecutionRequest request, ExecutionRequest rival) {
    LedgerStore racing =
        new DelegatingStore(shared) {
          @Override
          public CommitOutcome commit(Commit commit) {
            if (outcomes.isEmpty()) {
              ledger.apply(rival).orThrow();
            }
            CommitOutcome outcome = super.commit(commit);
            outcomes.add(outcome);
            return outcome;
          }
        };
    return new Ledger(racing, LIMITS, CLOCK).apply(request);
  }

  @Nested
  class FirstExecutions {
    private final ExecutionRequest a = firstMonth("plan-a", PLAN_A);
    private final ExecutionRequest b = firstMonth("plan-b", PLAN_B);

    @Test
    void bothApplyOnTheEmptyBooksTheyRead() {
      ExecutionResult second = overtaken(b, a);

      assertThat(outcomes)
          .containsExactly(
              LedgerStore.CommitOutcome.VERSION_CONFLICT, LedgerStore.CommitOutcome.COMMITTED);
      assertThat(second.failure()).isEmpty();
      Books books = shared.books(USER).orElseThrow();
      assertThat(books.version()).isEqualTo(2);
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(400));
      assertThat(books.require(ROTH_IRA).cash()).isEqualTo(Money.usd("500.25"));
      assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd("500.25"));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("200.10"));
      assertThat(books.external()).isEqualTo(Money.usd("-1100.35"));
      assertThat(books.internalBookValue().plus(books.external()).isZero()).isTrue();
    }

    @Test
    void theCashAccountTheFirstOneOpenedIsOpenedOnceAndUsedByBoth() {
      ExecutionResult second = overtaken(b, a);

      assertThat(shared.transactions(USER))
          .filteredOn(t -> t.type() == TransactionType.OPEN_ACCOUNT)
          .extracting(Transaction::id)
          .containsExactly(
              "plan-a#v1#first-month/0", "plan-a#v1#first-month/1", "plan-b#v1#first-month/1");
      assertThat(second.transactions())
          .extracting(Transaction::id)
          .containsExactly(
              "plan-b#v1#first-month/1", "plan-b#v1#first-month/2", "plan-b#v1#first-month/3");
    }

    @Test
    void aRedeliveryOfEitherPostsNothing() {
      ExecutionResult second = overtaken(b, a);
      ExecutionResult first = shared.execution(USER, a.idempotencyKey()).orElseThrow().result();
      Books books = shared.books(USER).orElseThrow();
      List<Transaction> log = shared.transactions(USER);

      assertThat(ledger.apply(a)).isEqualTo(first);
      assertThat(ledger.apply(b)).isEqualTo(second);
      assertThat(shared.books(USER)).contains(books);
      assertThat(shared.transactions(USER)).isEqualTo(log);
    }

    @Test
    void eitherOrderGivesTheSameBalances() {
      overtaken(a, b);

      Books books = shared.books(USER).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(400));
      assertThat(books.require(ROTH_IRA).cash()).isEqualTo(Money.usd("500.25"));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("200.10"));
      assertThat(books.external()).isEqualTo(Money.usd("-1100.35"));
    }
  }

  @Nested
  class Replacements {
    @Test
    void aReplacementOvertakenByAnotherPlansFirstMonthApplies() {
      ledger.apply(firstMonth("plan-a", PLAN_A)).orThrow();

      // Plan B's month puts money in the cash account plan A's first version opened, so undoing
      // that version leaves the account open and the replacement finds it open.
      ExecutionResult result = overtaken(REVIEWED_A, firstMonth("plan-b", PLAN_B));

      assertThat(outcomes).startsWith(LedgerStore.CommitOutcome.VERSION_CONFLICT);
      assertThat(result.failure()).isEmpty();
      Books books = shared.books(USER).orElseThrow();
      // Plan A's first version is undone: only its second version and plan B remain.
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(350));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("250.10"));
      assertThat(books.account(ROTH_IRA)).isEmpty();
      assertThat(books.external()).isEqualTo(Money.usd("-600.10"));
    }

    @Test
    void aFirstMonthOvertakenByAReplacementThatClosedAnAccountItUsesApplies() {
      ledger.apply(firstMonth("plan-a", PLAN_A)).orThrow();

      // Plan C reads books with the Roth IRA plan A's first version opened; the replacement
      // undoes that version and closes the account before plan C commits.
      ExecutionResult result = overtaken(firstMonth("plan-c", PLAN_C), REVIEWED_A);

      assertThat(outcomes).startsWith(LedgerStore.CommitOutcome.VERSION_CONFLICT);
      assertThat(result.failure()).isEmpty();
      Books books = shared.books(USER).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(350));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd(50));
      assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(150));
      assertThat(books.external()).isEqualTo(Money.usd(-550));
    }
  }
}
