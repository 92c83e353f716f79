package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.HSA;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.CLOCK;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static dev.finpilot.execution.LedgerFixtures.fundedLedger;
import static dev.finpilot.execution.LedgerFixtures.plan;
import static dev.finpilot.execution.LedgerFixtures.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.execution.LedgerException.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerExecutionTest {

  /** A plan whose third step overdraws the taxable account. */
  private static ExecutionRequest failingPlan(String key) {
    return plan(
        key,
        new OpenAccountStep(HSA),
        ContributionStep.fromOutside(HSA, Money.usd("4300.00"), 2025),
        new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd("600.00")),
        new BuyStep(TAXABLE_BROKERAGE, VTI, qty("2"), Money.usd("240.00")),
        new WithdrawalStep(TAXABLE_BROKERAGE, Money.usd("120.01")));
  }

  @Nested
  class Compensation {
    @Test
    void aFailedStepReversesEveryEarlierStepAndReportsWhy() {
      Ledger ledger = fundedLedger("1000.00");
      Books before = ledger.books(USER);

      ExecutionResult result = ledger.apply(failingPlan("exec-1"));

      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.succeeded()).isFalse();
      StepFailure failure = result.failure().orElseThrow();
      assertThat(failure.stepIndex()).isEqualTo(4);
      assertThat(failure.step()).isEqualTo("withdraw USD 120.01 from TAXABLE_BROKERAGE");
      assertThat(failure.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(failure.detail())
          .isEqualTo("TAXABLE_BROKERAGE cash would be -0.01, short by 0.01");

      assertThat(result.transactions())
          .extracting(Transaction::id)
          .containsExactly("exec-1/0", "exec-1/1", "exec-1/2", "exec-1/3");
      assertThat(result.compensations())
          .extracting(Transaction::id)
          .containsExactly(
              "exec-1/3/reversal", "exec-1/2/reversal", "exec-1/1/reversal", "exec-1/0/reversal");
      assertThat(result.compensations())
          .extracting(t -> t.reversalOf().orElseThrow())
          .containsExactly("exec-1/3", "exec-1/2", "exec-1/1", "exec-1/0");

      Books after = ledger.books(USER);
      assertThat(after.accounts()).isEqualTo(before.accounts());
      assertThat(after.external()).isEqualTo(before.external());
      assertThat(after.account(HSA)).isEmpty();
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(result.books()).isEqualTo(after);
    }

    @Test
    void reversingEntriesAreKeptNotDeleted() {
      Ledger ledger = fundedLedger("1000.00");
      int before = ledger.transactions(USER).size();

      ledger.apply(failingPlan("exec-1"));

      List<Transaction> log = ledger.transactions(USER);
      assertThat(log).hasSize(before + 8);
      assertThat(log.subList(before, before + 4)).allMatch(t -> !t.isReversal());
      assertThat(log.subList(before + 4, before + 8)).allMatch(Transaction::isReversal);
    }

    @Test
    void compensationGivesBackTheContributionRoom() {
      Ledger ledger = fundedLedger("1000.00");
      ledger.apply(failingPlan("exec-1"));

      ExecutionResult retry =
          ledger.apply(
              plan(
                  "exec-2",
                  new OpenAccountStep(HSA),
                  ContributionStep.fromOutside(HSA, Money.usd("4300.00"), 2025)));
      assertThat(retry.succeeded()).isTrue();
      assertThat(ledger.books(USER).require(HSA).contributed(2025)).isEqualTo(Money.usd(4300));
    }

    @Test
    void aFailureAtTheFirstStepNeedsNoCompensation() {
      Ledger ledger = fundedLedger("10.00");
      ExecutionResult result = ledger.apply(plan("e", new WithdrawalStep(CASH, Money.usd(11))));
      assertThat(result.failure().orElseThrow().stepIndex()).isZero();
      assertThat(result.transactions()).isEmpty();
      assertThat(result.compensations()).isEmpty();
    }

    @Test
    void orThrowRaisesTheFailingStepsReason() {
      Ledger ledger = fundedLedger("1000.00");
      ExecutionResult result = ledger.apply(failingPlan("exec-1"));
      assertThatThrownBy(result::orThrow)
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS))
          .hasMessageStartingWith(
              "INSUFFICIENT_FUNDS: step 4 (withdraw USD 120.01 from TAXABLE_BROKERAGE)");
    }

    @Test
    void aResultCannotClaimFailureWithoutSayingWhy() {
      Books books = Books.empty(USER, Money.USD);
      assertThatThrownBy(
              () ->
                  new ExecutionResult(
                      USER,
                      "p",
                      1,
                      "k",
                      false,
                      ExecutionStatus.FAILED,
                      List.of(),
                      List.of(),
                      List.of(),
                      Optional.empty(),
                      books))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class DryRun {
    @Test
    void dryRunShowsTheResultingBalancesWithoutPostingAnything() {
      Ledger ledger = fundedLedger("1000.00");
      Books before = ledger.books(USER);
      int logSize = ledger.transactions(USER).size();

      ExecutionResult preview =
          ledger.apply(
              plan(
                      "exec-1",
                      new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(600)),
                      new BuyStep(TAXABLE_BROKERAGE, VTI, qty("2"), Money.usd("240.00")))
                  .asDryRun());

      assertThat(preview.dryRun()).isTrue();
      assertThat(preview.succeeded()).isTrue();
      assertThat(preview.books().require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("120.00"));
      assertThat(preview.books().version()).isEqualTo(before.version());
      assertThat(ledger.books(USER)).isEqualTo(before);
      assertThat(ledger.transactions(USER)).hasSize(logSize);
    }

    @Test
    void dryRunDoesNotUseUpTheKey() {
      Ledger ledger = fundedLedger("1000.00");
      ExecutionRequest request = plan("exec-1", new WithdrawalStep(CASH, Money.usd(100)));

      ledger.apply(request.asDryRun());
      ExecutionResult real = ledger.apply(request);

      assertThat(real.dryRun()).isFalse();
      assertThat(LedgerFixtures.cash(ledger, CASH)).isEqualTo(Money.usd(900));
    }

    @Test
    void dryRunOfAFailingPlanReportsTheFailureAndUnchangedBalances() {
      Ledger ledger = fundedLedger("1000.00");
      Books before = ledger.books(USER);

      ExecutionResult preview = ledger.apply(failingPlan("exec-1").asDryRun());

      assertThat(preview.failure().orElseThrow().stepIndex()).isEqualTo(4);
      assertThat(preview.books()).isEqualTo(before);
      assertThat(ledger.books(USER)).isEqualTo(before);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aRepeatedKeyReturnsTheOriginalResultAndPostsNothing() {
      Ledger ledger = fundedLedger("1000.00");
      ExecutionRequest request = plan("exec-1", new WithdrawalStep(CASH, Money.usd(100)));

      ExecutionResult first = ledger.apply(request);
      Books books = ledger.books(USER);
      int logSize = ledger.transactions(USER).size();
      ExecutionResult second = ledger.apply(request);

      assertThat(second).isEqualTo(first);
      assertThat(ledger.books(USER)).isEqualTo(books);
      assertThat(ledger.transactions(USER)).hasSize(logSize);
      assertThat(LedgerFixtures.cash(ledger, CASH)).isEqualTo(Money.usd(900));
    }

    @Test
    void aFailedExecutionReplaysAsFailedEvenOnceFundsArrive() {
      Ledger ledger = fundedLedger("10.00");
      ExecutionRequest request = plan("exec-1", new WithdrawalStep(CASH, Money.usd(50)));
      ExecutionResult first = ledger.apply(request);
      ledger.apply(plan("top-up", new DepositStep(CASH, Money.usd(100)))).orThrow();

      assertThat(ledger.apply(request)).isEqualTo(first);
      assertThat(LedgerFixtures.cash(ledger, CASH)).isEqualTo(Money.usd(110));
    }

    @Test
    void theSameKeyForADifferentRequestIsAConflict() {
      Ledger ledger = fundedLedger("1000.00");
      ledger.apply(plan("exec-1", new WithdrawalStep(CASH, Money.usd(100))));

      assertThatThrownBy(
              () -> ledger.apply(plan("exec-1", new WithdrawalStep(CASH, Money.usd(101)))))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_CONFLICT))
          .hasMessageContaining("'exec-1'");
      assertThat(LedgerFixtures.cash(ledger, CASH)).isEqualTo(Money.usd(900));
    }

    @Test
    void keysBelongToOneUser() {
      Ledger ledger = fundedLedger("1000.00");
      ledger.apply(plan("exec-1", new WithdrawalStep(CASH, Money.usd(100)))).orThrow();

      ExecutionResult other =
          ledger.apply(ExecutionRequest.single("user-2", "exec-1", new OpenAccountStep(CASH)));
      assertThat(other.succeeded()).isTrue();
      assertThat(ledger.books("user-2").accounts()).containsOnlyKeys(CASH);
    }

    @Test
    void aKeyUsedByAConcurrentWriterMeanwhileIsReplayedNotPostedTwice() {
      InMemoryLedgerStore shared = new InMemoryLedgerStore();
      ExecutionRequest request = plan("exec-1", new OpenAccountStep(CASH));
      Ledger rival = new Ledger(shared, LIMITS, CLOCK);
      LedgerStore racing =
          new DelegatingStore(shared) {
            @Override
            public CommitOutcome commit(Commit commit) {
              rival.apply(request);
              return super.commit(commit);
            }
          };

      ExecutionResult result = new Ledger(racing, LIMITS, CLOCK).apply(request);

      assertThat(result.succeeded()).isTrue();
      assertThat(shared.transactions(USER)).hasSize(1);
    }
  }

  @Nested
  class Concurrency {
    @Test
    void aStaleReadIsRecomputedAgainstTheNewBooks() {
      InMemoryLedgerStore shared = new InMemoryLedgerStore();
      Ledger rival = new Ledger(shared, LIMITS, CLOCK);
      rival.apply(plan("open", new OpenAccountStep(CASH))).orThrow();
      LedgerStore racing =
          new DelegatingStore(shared) {
            private boolean raced;

            @Override
            public CommitOutcome commit(Commit commit) {
              if (!raced) {
                raced = true;
                rival.apply(plan("rival", new DepositStep(CASH, Money.usd(70)))).orThrow();
              }
              return super.commit(commit);
            }
          };

      new Ledger(racing, LIMITS, CLOCK)
          .apply(plan("mine", new DepositStep(CASH, Money.usd(30))))
          .orThrow();

      Books books = shared.books(USER).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(100));
      assertThat(books.version()).isEqualTo(3);
    }

    @Test
    void writersThatKeepWinningEndInAConcurrentModificationError() {
      LedgerStore alwaysStale =
          new DelegatingStore(new InMemoryLedgerStore()) {
            @Override
            public CommitOutcome commit(Commit commit) {
              return CommitOutcome.VERSION_CONFLICT;
            }
          };
      Ledger ledger = new Ledger(alwaysStale, LIMITS, CLOCK);

      assertThatThrownBy(() -> ledger.apply(plan("k", new OpenAccountStep(CASH))))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.CONCURRENT_MODIFICATION));
    }

    @Test
    void theStoreRefusesACommitComputedFromAnOldVersion() {
      InMemoryLedgerStore store = new InMemoryLedgerStore();
      Books fresh = Books.empty(USER, Money.USD);
      ExecutionResult result =
          new ExecutionResult(
              USER,
              "p",
              1,
              "k",
              false,
              ExecutionStatus.COMPLETED,
              List.of(),
              List.of(),
              List.of(),
              Optional.empty(),
              fresh.withVersion(5));
      LedgerStore.Commit stale =
          new LedgerStore.Commit(
              4, fresh.withVersion(5), new ExecutionRecord("k", "f", result), List.of());

      assertThat(store.commit(stale)).isEqualTo(LedgerStore.CommitOutcome.VERSION_CONFLICT);
      assertThat(store.books(USER)).isEmpty();
      assertThatThrownBy(
              () ->
                  new LedgerStore.Commit(
                      0, fresh.withVersion(2), new ExecutionRecord("k", "f", result), List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Currencies {
    @Test
    void amountsInAnotherCurrencyAreRejectedWithTheField() {
      Ledger ledger = fundedLedger("10.00");
      Money rupees = Money.of(new BigDecimal("100"), Money.INR);
      assertThatThrownBy(() -> ledger.apply(plan("k", new DepositStep(CASH, rupees))))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .singleElement()
                      .satisfies(
                          err -> {
                            assertThat(err.field()).isEqualTo("steps[0].amount");
                            assertThat(err.message()).contains("must be in USD");
                          }));
    }

    @Test
    void booksKeptInAnotherCurrencyAreNotReadAsDollars() {
      InMemoryLedgerStore store = new InMemoryLedgerStore();
      new Ledger(store, LIMITS, CLOCK, Money.INR)
          .apply(plan("k", new OpenAccountStep(CASH)))
          .orThrow();
      Ledger dollars = new Ledger(store, LIMITS, CLOCK);

      assertThatThrownBy(() -> dollars.books(USER))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.CURRENCY_MISMATCH));
    }
  }

  @Test
  void everyPostingCarriesTheClocksInstantAndTheExecutionKey() {
    Ledger ledger = fundedLedger("10.00");
    assertThat(ledger.transactions(USER))
        .allSatisfy(
            t -> {
              assertThat(t.postedAt()).isEqualTo(CLOCK.instant());
              assertThat(t.executionKey()).isEqualTo("setup");
            });
    assertThat(ledger.transactions(USER).get(0).type()).isEqualTo(TransactionType.OPEN_ACCOUNT);
    assertThat(ledger.books(USER).accounts()).containsOnlyKeys(CASH, TAXABLE_BROKERAGE, ROTH_IRA);
  }
}
