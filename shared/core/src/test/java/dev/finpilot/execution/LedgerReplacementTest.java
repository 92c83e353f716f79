package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.execution.LedgerException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A plan version replacing the active one after a review: within one calendar month only the newer
 * first month may stand, and the older one is undone in the same commit.
 */
class LedgerReplacementTest {

  static final String V1 = "plan-1#v1#first-month";
  static final String V2 = "plan-1#v2#first-month";
  static final String JUNE_2 = "2025-06-02T14:30:00Z";
  static final String JUNE_28 = "2025-06-28T09:00:00Z";

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  private Ledger at(String instant) {
    return at(store, instant);
  }

  private static Ledger at(LedgerStore store, String instant) {
    return new Ledger(store, LIMITS, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  /**
   * A first month shaped as the execution agent builds it: open the accounts it uses unless open,
   * receive the month's saving into cash, then move each amount from cash into its account (as a
   * 2025 contribution where the account is tax-advantaged).
   */
  static List<LedgerStep> firstMonth(Money saving, Map<AccountType, Money> moves) {
    List<LedgerStep> steps = new ArrayList<>();
    Map<AccountType, Money> ordered = new EnumMap<>(AccountType.class);
    ordered.putAll(moves);
    steps.add(OpenAccountStep.unlessOpen(CASH));
    ordered.keySet().forEach(a -> steps.add(OpenAccountStep.unlessOpen(a)));
    steps.add(new DepositStep(CASH, saving));
    ordered.forEach(
        (account, amount) ->
            steps.add(
                account.isTaxAdvantaged()
                    ? new ContributionStep(account, amount, 2025, Book.of(CASH))
                    : new TransferStep(CASH, account, amount)));
    return steps;
  }

  /** Version 1: receive 1,200, put 200 in the taxable account and 500 in the Roth IRA. */
  private static ExecutionRequest versionOne() {
    return ExecutionRequest.forPlan(
        USER,
        "plan-1",
        1,
        V1,
        firstMonth(
            Money.usd(1_200), Map.of(TAXABLE_BROKERAGE, Money.usd(200), ROTH_IRA, Money.usd(500))));
  }

  /** Version 2: receive {@code saving}, put {@code roth} in the Roth IRA, replacing version 1. */
  private static ExecutionRequest versionTwo(long saving, long roth) {
    return ExecutionRequest.forPlan(
            USER, "plan-1", 2, V2, firstMonth(Money.usd(saving), Map.of(ROTH_IRA, Money.usd(roth))))
        .replacing(V1);
  }

  private ExecutionResult runVersionOne(String instant) {
    return at(instant).apply(versionOne()).orThrow();
  }

  private ExecutionResult runVersionTwo(String instant, long saving, long roth) {
    return at(instant).apply(versionTwo(saving, roth));
  }

  @Nested
  class SameMonth {
    @Test
    void theReplacedFirstMonthIsReversedAndTheNewOnePostedInOneCommit() {
      ExecutionResult first = runVersionOne(JUNE_2);
      long version = store.books(USER).orElseThrow().version();

      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.succeeded()).isTrue();
      assertThat(second.reversalsOfReplaced())
          .extracting(Transaction::id)
          .containsExactly(
              V1 + "/5/reversal",
              V1 + "/4/reversal",
              V1 + "/3/reversal",
              V1 + "/2/reversal",
              V1 + "/1/reversal",
              V1 + "/0/reversal");
      assertThat(second.reversalsOfReplaced())
          .allSatisfy(r -> assertThat(r.postedAt()).isEqualTo(Instant.parse(JUNE_28)))
          .extracting(t -> t.reversalOf().orElseThrow())
          .containsExactly(V1 + "/5", V1 + "/4", V1 + "/3", V1 + "/2", V1 + "/1", V1 + "/0");
      assertThat(second.transactions())
          .extracting(Transaction::id)
          .containsExactly(V2 + "/0", V2 + "/1", V2 + "/2", V2 + "/3");
      assertThat(second.compensations()).isEmpty();

      List<Transaction> log = store.transactions(USER);
      assertThat(log.subList(0, 6)).isEqualTo(first.transactions());
      assertThat(log.subList(6, 12)).isEqualTo(second.reversalsOfReplaced());
      assertThat(log.subList(12, 16)).isEqualTo(second.transactions());
      assertThat(store.books(USER).orElseThrow().version()).isEqualTo(version + 1);
    }

    @Test
    void theBooksHoldTheNewMonthOnlyAsIfTheOldOneHadNeverRun() {
      runVersionOne(JUNE_2);

      runVersionTwo(JUNE_28, 900, 400).orThrow();

      Books books = store.books(USER).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(500));
      assertThat(books.require(ROTH_IRA).cash()).isEqualTo(Money.usd(400));
      assertThat(books.require(ROTH_IRA).contributionsByYear())
          .isEqualTo(Map.of(2025, Money.usd(400)));
      assertThat(books.account(TAXABLE_BROKERAGE)).as("opened by version 1 only").isEmpty();
      assertThat(books.external()).isEqualTo(Money.usd(-900));
      assertThat(books.internalBookValue().plus(books.external()).isZero()).isTrue();

      InMemoryLedgerStore alone = new InMemoryLedgerStore();
      Ledger fresh = at(alone, JUNE_28);
      fresh.apply(versionTwo(900, 400)).orThrow();
      assertThat(books.accounts()).isEqualTo(fresh.books(USER).accounts());
      assertThat(books.external()).isEqualTo(fresh.books(USER).external());
    }

    @Test
    void theReplacedContributionsGiveTheirRoomBack() {
      runVersionOne(JUNE_2);

      // 500 of version 1 plus 7,000 would exceed the 2025 IRA limit of 7,000.
      ExecutionResult second = runVersionTwo(JUNE_28, 7_000, 7_000);

      assertThat(second.succeeded()).isTrue();
      assertThat(store.books(USER).orElseThrow().require(ROTH_IRA).contributed(2025))
          .isEqualTo(Money.usd(7_000));
    }

    @Test
    void aRedeliveredReplacementIsAnsweredFromTheStoredResult() {
      runVersionOne(JUNE_2);
      Ledger ledger = at(JUNE_28);
      ExecutionRequest request = versionTwo(900, 400);
      ExecutionResult first = ledger.apply(request);
      Books books = store.books(USER).orElseThrow();
      List<Transaction> log = store.transactions(USER);

      ExecutionResult again = ledger.apply(request);

      assertThat(again).isEqualTo(first);
      assertThat(store.books(USER)).contains(books);
      assertThat(store.transactions(USER)).isEqualTo(log);
    }

    @Test
    void anExecutionIsNeverUndoneTwice() {
      runVersionOne(JUNE_2);
      runVersionTwo(JUNE_28, 900, 400).orThrow();
      Ledger ledger = at(JUNE_28);
      Books before = ledger.books(USER);

      // A second request replacing version 1 finds it undone and only posts its own steps.
      ExecutionResult third =
          ledger.apply(
              ExecutionRequest.forPlan(
                      USER,
                      "plan-1",
                      3,
                      "plan-1#v3#first-month",
                      List.of(new DepositStep(CASH, Money.usd(10))))
                  .replacing(V1));

      assertThat(third.succeeded()).isTrue();
      assertThat(third.reversalsOfReplaced()).isEmpty();
      assertThat(ledger.books(USER).require(CASH).cash())
          .isEqualTo(before.require(CASH).cash().plus(Money.usd(10)));
      assertThat(store.transactions(USER).stream().filter(Transaction::isReversal)).hasSize(6);
    }

    @Test
    void eachVersionUndoesOnlyTheOneItReplaces() {
      runVersionOne(JUNE_2);
      runVersionTwo(JUNE_2, 900, 400).orThrow();
      Ledger ledger = at(JUNE_28);

      ExecutionResult third =
          ledger.apply(
              ExecutionRequest.forPlan(
                      USER,
                      "plan-1",
                      3,
                      "plan-1#v3#first-month",
                      firstMonth(Money.usd(300), Map.of(ROTH_IRA, Money.usd(100))))
                  .replacing(V2));

      assertThat(third.reversalsOfReplaced())
          .extracting(t -> t.reversalOf().orElseThrow())
          .allMatch(id -> id.startsWith(V2 + "/"))
          .hasSize(4);
      Books books = ledger.books(USER);
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(200));
      assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(100));
      assertThat(books.external()).isEqualTo(Money.usd(-300));
    }

    @Test
    void anAccountThatReceivedOtherMoneyStaysOpen() {
      runVersionOne(JUNE_2);
      at(JUNE_2)
          .apply(
              ExecutionRequest.single(
                  USER, "gift", new DepositStep(TAXABLE_BROKERAGE, Money.usd(50))))
          .orThrow();

      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.succeeded()).isTrue();
      assertThat(second.reversalsOfReplaced())
          .extracting(t -> t.reversalOf().orElseThrow())
          .doesNotContain(V1 + "/1");
      Books books = store.books(USER).orElseThrow();
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd(50));
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(500));
      assertThat(books.internalBookValue().plus(books.external()).isZero()).isTrue();
    }

    @Test
    void aDryRunShowsTheReplacementWithoutPostingIt() {
      runVersionOne(JUNE_2);
      Ledger ledger = at(JUNE_28);
      ExecutionRequest request = versionTwo(900, 400);
      Books before = ledger.books(USER);

      ExecutionResult preview = ledger.apply(request.asDryRun());

      assertThat(preview.reversalsOfReplaced()).hasSize(6);
      assertThat(preview.books().require(CASH).cash()).isEqualTo(Money.usd(500));
      assertThat(ledger.books(USER)).isEqualTo(before);
      ExecutionResult real = ledger.apply(request);
      assertThat(real.reversalsOfReplaced()).isEqualTo(preview.reversalsOfReplaced());
      assertThat(real.books().accounts()).isEqualTo(preview.books().accounts());
    }

    @Test
    void aRivalReplacementCommittedMeanwhileIsNotUndoneAgain() {
      runVersionOne(JUNE_2);
      Ledger rival = at(JUNE_28);
      ExecutionRequest rivalRequest = versionTwo(900, 400);
      LedgerStore racing =
          new DelegatingStore(store) {
            private boolean raced;

            @Override
            public CommitOutcome commit(Commit commit) {
              if (!raced) {
                raced = true;
                rival.apply(rivalRequest).orThrow();
              }
              return super.commit(commit);
            }
          };
      Ledger mine = at(racing, JUNE_28);

      ExecutionResult result =
          mine.apply(
              ExecutionRequest.forPlan(
                      USER,
                      "plan-1",
                      3,
                      "plan-1#v3#first-month",
                      List.of(new OpenAccountStep(TAXABLE_BROKERAGE)))
                  .replacing(V1));

      assertThat(result.succeeded()).isTrue();
      assertThat(result.reversalsOfReplaced()).as("recomputed after the rival's commit").isEmpty();
      assertThat(store.transactions(USER).stream().filter(Transaction::isReversal)).hasSize(6);
      Books books = store.books(USER).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(500));
      assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(400));
      assertThat(books.require(TAXABLE_BROKERAGE).isEmpty()).isTrue();
    }
  }

  @Nested
  class Refusals {
    @Test
    void aReversalThatWouldOverdrawRefusesTheWholeExecutionAndPostsNothing() {
      runVersionOne(JUNE_2);
      at(JUNE_2)
          .apply(ExecutionRequest.single(USER, "atm", new WithdrawalStep(CASH, Money.usd(450))))
          .orThrow();
      Books before = store.books(USER).orElseThrow();
      List<Transaction> log = store.transactions(USER);

      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
      StepFailure failure = second.failure().orElseThrow();
      assertThat(failure.stepIndex()).isEqualTo(StepFailure.UNDOING_REPLACED);
      assertThat(failure.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(failure.summary())
          .isEqualTo(
              "undo "
                  + V1
                  + " refused: cannot post the reversal of "
                  + V1
                  + "/3 (deposit USD 1200.00 into CASH): CASH cash would be -450.00, short by"
                  + " 450.00");
      assertThatThrownBy(second::orThrow)
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS))
          .hasMessageStartingWith("INSUFFICIENT_FUNDS: undo " + V1 + ": cannot post");
      assertThat(second.reversalsOfReplaced()).isEmpty();
      assertThat(second.transactions()).isEmpty();
      assertThat(second.compensations()).isEmpty();

      Books after = store.books(USER).orElseThrow();
      assertThat(after.accounts()).isEqualTo(before.accounts());
      assertThat(after.external()).isEqualTo(before.external());
      assertThat(store.transactions(USER)).isEqualTo(log);
    }

    @Test
    void aRefusedReplacementIsRefusedAgainWhenRedelivered() {
      runVersionOne(JUNE_2);
      at(JUNE_2)
          .apply(ExecutionRequest.single(USER, "atm", new WithdrawalStep(CASH, Money.usd(450))))
          .orThrow();
      Ledger ledger = at(JUNE_28);
      ExecutionRequest request = versionTwo(900, 400);
      ExecutionResult refused = ledger.apply(request);
      ledger.apply(ExecutionRequest.single(USER, "refund", new DepositStep(CASH, Money.usd(450))));

      assertThat(ledger.apply(request)).isEqualTo(refused);
    }

    @Test
    void aRefusedNewStepLeavesTheReplacedMonthStandingUntouched() {
      runVersionOne(JUNE_2);
      Books before = store.books(USER).orElseThrow();
      List<Transaction> log = store.transactions(USER);

      ExecutionResult second = runVersionTwo(JUNE_28, 9_000, 8_000);

      assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
      StepFailure failure = second.failure().orElseThrow();
      assertThat(failure.stepIndex()).isEqualTo(3);
      assertThat(failure.reason()).isEqualTo(Reason.CONTRIBUTION_LIMIT_EXCEEDED);
      assertThat(failure.summary()).startsWith("step 3 (contribute USD 8000");
      assertThat(second.transactions()).isEmpty();
      assertThat(second.compensations()).isEmpty();
      assertThat(second.reversalsOfReplaced()).isEmpty();
      Books after = store.books(USER).orElseThrow();
      assertThat(after.accounts()).isEqualTo(before.accounts());
      assertThat(after.external()).isEqualTo(before.external());
      assertThat(after.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(500));
      assertThat(store.transactions(USER)).isEqualTo(log);
    }
  }

  @Nested
  class NothingToUndo {
    @Test
    void aFirstMonthOfAnEarlierCalendarMonthStands() {
      runVersionOne("2025-05-31T23:30:00Z");

      ExecutionResult second = runVersionTwo("2025-06-01T00:30:00Z", 900, 400);

      assertThat(second.succeeded()).isTrue();
      assertThat(second.reversalsOfReplaced()).isEmpty();
      assertThat(second.transactions())
          .extracting(Transaction::type)
          .containsExactly(TransactionType.DEPOSIT, TransactionType.CONTRIBUTION);
      Books books = store.books(USER).orElseThrow();
      assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(900));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd(200));
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(1_000));
      assertThat(books.external()).isEqualTo(Money.usd(-2_100));
    }

    @Test
    void aRefusedFirstMonthWasUndoneAlready() {
      Ledger ledger = at(JUNE_2);
      ExecutionResult refused =
          ledger.apply(
              ExecutionRequest.forPlan(
                  USER,
                  "plan-1",
                  1,
                  V1,
                  List.of(new OpenAccountStep(CASH), new WithdrawalStep(CASH, Money.usd(1)))));
      assertThat(refused.succeeded()).isFalse();

      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.succeeded()).isTrue();
      assertThat(second.reversalsOfReplaced()).isEmpty();
      assertThat(store.books(USER).orElseThrow().require(CASH).cash()).isEqualTo(Money.usd(500));
    }

    @Test
    void anUnknownReplacedKeyReplacesNothing() {
      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.succeeded()).isTrue();
      assertThat(second.reversalsOfReplaced()).isEmpty();
      assertThat(store.transactions(USER)).hasSize(4);
    }

    @Test
    void theLedgerIsReadPastAFullPageForTheReplacedExecutionAndItsReversals() {
      runVersionOne(JUNE_2);
      moreThanAPageOfDeposits("before-");

      ExecutionResult second = runVersionTwo(JUNE_28, 900, 400);

      assertThat(second.reversalsOfReplaced())
          .as("cash stays open: it holds the deposits")
          .hasSize(5);
      assertThat(store.books(USER).orElseThrow().require(CASH).cash()).isEqualTo(Money.usd(610));

      moreThanAPageOfDeposits("after-");
      ExecutionResult third =
          at(JUNE_28)
              .apply(
                  ExecutionRequest.forPlan(
                          USER,
                          "plan-1",
                          3,
                          "plan-1#v3#first-month",
                          List.of(new DepositStep(CASH, Money.usd(1))))
                      .replacing(V1));
      assertThat(third.reversalsOfReplaced()).isEmpty();
    }

    private void moreThanAPageOfDeposits(String prefix) {
      Ledger ledger = at(JUNE_2);
      for (int i = 0; i <= Replacement.PAGE / 10; i++) {
        List<LedgerStep> deposits = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
          deposits.add(new DepositStep(CASH, Money.usd(1)));
        }
        ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, prefix + i, deposits)).orThrow();
      }
    }
  }

  @Nested
  class Requests {
    @Test
    void theReplacedKeyIsValidatedAndMustNameAnotherExecution() {
      ExecutionRequest base =
          ExecutionRequest.forPlan(
              USER, "plan-1", 2, V2, List.of(new DepositStep(CASH, Money.usd(1))));

      assertThat(base.replacing(V2).validate(Money.USD))
          .extracting(e -> e.field() + ": " + e.message())
          .containsExactly("replaces: must name an earlier execution, not this request's own key");
      assertThat(base.replacing("not a key!").validate(Money.USD))
          .extracting(e -> e.field())
          .containsExactly("replaces");
      assertThat(
              new ExecutionRequest(USER, "plan-1", 2, V2, base.steps(), false, null)
                  .validate(Money.USD))
          .extracting(e -> e.field())
          .containsExactly("replaces");
      assertThatThrownBy(() -> at(JUNE_2).apply(base.replacing(V2)))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    void theReplacedKeyIsPartOfTheFingerprintAndSurvivesADryRun() {
      ExecutionRequest base =
          ExecutionRequest.forPlan(
              USER, "plan-1", 2, V2, List.of(new DepositStep(CASH, Money.usd(1))));

      assertThat(base.replacing(V1).fingerprint()).isNotEqualTo(base.fingerprint());
      assertThat(base.replacing(V1).asDryRun().replaces()).contains(V1);
      assertThat(base.replaces()).isEqualTo(Optional.empty());
    }

    @Test
    void aRequestReplacingNothingKeepsTheFingerprintItHadBeforeReplacements() throws Exception {
      LedgerStep step = new DepositStep(CASH, Money.usd(1));
      String before = "plan-1\n2\n" + step.canonical();

      String fingerprint =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(before.getBytes(StandardCharsets.UTF_8)));

      assertThat(ExecutionRequest.forPlan(USER, "plan-1", 2, V2, List.of(step)).fingerprint())
          .isEqualTo(fingerprint);
    }

    @Test
    void aResultStoredBeforeReplacementsExistedReadsAsReplacingNothing() {
      ExecutionResult result = runVersionOne(JUNE_2);
      ObjectNode stored = (ObjectNode) JsonMapping.readTree(JsonMapping.write(result));
      stored.remove("reversalsOfReplaced");

      ExecutionResult read = JsonMapping.read(stored.toString(), ExecutionResult.class);

      assertThat(read.reversalsOfReplaced()).isEmpty();
      assertThat(read).isEqualTo(result);
    }

    @Test
    void theSameKeyWithAndWithoutReplacingIsAConflict() {
      ExecutionRequest base =
          ExecutionRequest.forPlan(
              USER, "plan-1", 2, V2, List.of(new DepositStep(CASH, Money.usd(1))));
      Ledger ledger = at(JUNE_2);
      ledger.apply(ExecutionRequest.single(USER, "open", new OpenAccountStep(CASH))).orThrow();
      ledger.apply(base).orThrow();

      assertThatThrownBy(() -> ledger.apply(base.replacing(V1)))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_CONFLICT));
    }
  }
}
