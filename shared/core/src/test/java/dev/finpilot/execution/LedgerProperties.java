package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.domain.AccountType.TRADITIONAL_IRA;
import static dev.finpilot.execution.LedgerFixtures.BND;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the ledger under random operation sequences. Seeds are fixed so a run is
 * reproducible; the generators mix valid steps that often fail on the books (overdrafts, sales of
 * unheld units, contributions over the limit) with ones that succeed.
 */
class LedgerProperties {

  private static final List<AccountType> ALL =
      List.of(CASH, TAXABLE_BROKERAGE, ROTH_IRA, TRADITIONAL_IRA);
  private static final List<AccountType> INVESTING =
      List.of(TAXABLE_BROKERAGE, ROTH_IRA, TRADITIONAL_IRA);

  /** Every account open and funded, with some units held, so that most steps can succeed. */
  private static Ledger openLedger() {
    Ledger ledger = LedgerFixtures.ledger();
    List<LedgerStep> open = new ArrayList<>();
    ALL.forEach(a -> open.add(new OpenAccountStep(a)));
    open.add(new DepositStep(CASH, Money.usd(10_000)));
    open.add(new DepositStep(TAXABLE_BROKERAGE, Money.usd(10_000)));
    open.add(ContributionStep.fromOutside(ROTH_IRA, Money.usd(3_000), 2025));
    open.add(ContributionStep.fromOutside(TRADITIONAL_IRA, Money.usd(3_000), 2025));
    for (AccountType account : INVESTING) {
      open.add(new BuyStep(account, VTI, BigDecimal.TEN, Money.usd(100)));
      open.add(new BuyStep(account, BND, BigDecimal.TEN, Money.usd(50)));
    }
    ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "open", open)).orThrow();
    return ledger;
  }

  private static List<ExecutionResult> replay(Ledger ledger, List<List<LedgerStep>> requests) {
    List<ExecutionResult> results = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      results.add(
          ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "r" + i, requests.get(i))));
    }
    return results;
  }

  private static void assertSound(Books books) {
    assertThat(books.internalBookValue().plus(books.external()).isZero())
        .as("money is conserved")
        .isTrue();
    for (LedgerAccount a : books.accounts().values()) {
      assertThat(a.cash().isNegative()).as("%s cash %s", a.type(), a.cash()).isFalse();
      for (Holding h : a.holdings().values()) {
        assertThat(h.quantity().signum()).as("%s %s units", a.type(), h.asset()).isPositive();
        assertThat(h.costBasis().isNegative()).isFalse();
      }
    }
  }

  @Property(tries = 150, seed = "20250602")
  void moneyIsConservedAndNothingGoesNegative(@ForAll("histories") List<List<LedgerStep>> history) {
    Ledger ledger = openLedger();
    for (int i = 0; i < history.size(); i++) {
      Books before = ledger.books(USER);
      ExecutionResult result =
          ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "r" + i, history.get(i)));
      Books after = ledger.books(USER);
      assertSound(after);
      Statistics.label("outcome").collect(result.status());
      result.failure().ifPresent(f -> Statistics.label("refusal").collect(f.reason()));
      if (result.succeeded()) {
        result.transactions().forEach(t -> Statistics.label("posted").collect(t.type()));
      }
      if (result.succeeded() && history.get(i).stream().allMatch(TransferStep.class::isInstance)) {
        assertThat(after.external()).isEqualTo(before.external());
        assertThat(after.internalBookValue()).isEqualTo(before.internalBookValue());
      }
      if (result.succeeded() && history.get(i).stream().allMatch(DepositStep.class::isInstance)) {
        Money deposited =
            history.get(i).stream()
                .map(s -> ((DepositStep) s).amount())
                .reduce(Money.usd(0), Money::plus);
        assertThat(after.internalBookValue()).isEqualTo(before.internalBookValue().plus(deposited));
      }
    }
    // The generators must really exercise both outcomes and every kind of posting.
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check(ExecutionStatus.COMPLETED).percentage(p -> p > 20);
              c.check(ExecutionStatus.FAILED).percentage(p -> p > 10);
            });
    Statistics.label("refusal")
        .coverage(
            c -> {
              c.check(LedgerException.Reason.INSUFFICIENT_FUNDS).count(n -> n > 0);
              c.check(LedgerException.Reason.INSUFFICIENT_HOLDINGS).count(n -> n > 0);
              c.check(LedgerException.Reason.CONTRIBUTION_LIMIT_EXCEEDED).count(n -> n > 0);
            });
    Statistics.label("posted")
        .coverage(
            c -> {
              for (TransactionType type :
                  List.of(
                      TransactionType.BUY,
                      TransactionType.SELL,
                      TransactionType.CONTRIBUTION,
                      TransactionType.TRANSFER)) {
                c.check(type).count(n -> n > 0);
              }
            });
  }

  @Property(tries = 80, seed = "7")
  void aRepeatedIdempotencyKeyChangesNothing(
      @ForAll("histories") List<List<LedgerStep>> history,
      @ForAll("requests") List<LedgerStep> last) {
    Ledger ledger = openLedger();
    replay(ledger, history);
    ExecutionRequest request = ExecutionRequest.forPlan(USER, "plan-1", 1, "last", last);
    ExecutionResult first = ledger.apply(request);
    Books books = ledger.books(USER);
    List<Transaction> log = ledger.transactions(USER);

    ExecutionResult again = ledger.apply(request);

    assertThat(again).isEqualTo(first);
    assertThat(ledger.books(USER)).isEqualTo(books);
    assertThat(ledger.transactions(USER)).isEqualTo(log);
  }

  @Property(tries = 80, seed = "11")
  void compensationRestoresTheExactPriorBalances(
      @ForAll("histories") List<List<LedgerStep>> history,
      @ForAll("requests") List<LedgerStep> steps) {
    Ledger ledger = openLedger();
    replay(ledger, history);
    Books before = ledger.books(USER);
    List<LedgerStep> doomed = new ArrayList<>(steps);
    doomed.add(new WithdrawalStep(CASH, Money.usd(1_000_000_000)));

    ExecutionResult result =
        ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "doomed", doomed));

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    Books after = ledger.books(USER);
    assertThat(after.accounts()).isEqualTo(before.accounts());
    assertThat(after.external()).isEqualTo(before.external());
    assertThat(result.compensations()).hasSameSizeAs(result.transactions());
  }

  @Property(tries = 60, seed = "3")
  void aDryRunPredictsTheRealRunExactly(
      @ForAll("histories") List<List<LedgerStep>> history,
      @ForAll("requests") List<LedgerStep> steps) {
    Ledger ledger = openLedger();
    replay(ledger, history);
    ExecutionRequest request = ExecutionRequest.forPlan(USER, "plan-1", 1, "next", steps);

    ExecutionResult preview = ledger.apply(request.asDryRun());
    ExecutionResult real = ledger.apply(request);

    assertThat(preview.status()).isEqualTo(real.status());
    assertThat(preview.transactions()).isEqualTo(real.transactions());
    assertThat(preview.books().accounts()).isEqualTo(real.books().accounts());
  }

  @Provide
  Arbitrary<List<List<LedgerStep>>> histories() {
    return requests().list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<LedgerStep>> requests() {
    return step().list().ofMinSize(1).ofMaxSize(3);
  }

  /** Deposits are larger than other amounts so that a fair share of the other steps succeed. */
  private static Arbitrary<Money> deposits() {
    return Arbitraries.longs().between(1, 2_000_000).map(c -> Money.ofCents(c, Money.USD));
  }

  private static Arbitrary<Money> amounts() {
    return Arbitraries.longs().between(1, 500_000).map(c -> Money.ofCents(c, Money.USD));
  }

  private static Arbitrary<Money> prices() {
    return Arbitraries.longs().between(100, 30_000).map(c -> Money.ofCents(c, Money.USD));
  }

  private static Arbitrary<BigDecimal> quantities() {
    return Arbitraries.longs().between(1, 20_000).map(q -> BigDecimal.valueOf(q, 3));
  }

  private static Arbitrary<LedgerStep> step() {
    Arbitrary<AccountType> any = Arbitraries.of(ALL);
    Arbitrary<AccountType> investing = Arbitraries.of(INVESTING);
    Arbitrary<AccountType> taxable = Arbitraries.of(CASH, TAXABLE_BROKERAGE);
    Arbitrary<AccountType> ira = Arbitraries.of(ROTH_IRA, TRADITIONAL_IRA);
    Arbitrary<LedgerStep> deposit = Combinators.combine(taxable, deposits()).as(DepositStep::new);
    Arbitrary<LedgerStep> withdrawal = Combinators.combine(any, amounts()).as(WithdrawalStep::new);
    Arbitrary<LedgerStep> fee =
        Combinators.combine(any, amounts()).as((a, m) -> new FeeStep(a, m, "fee"));
    Arbitrary<LedgerStep> transfer = Combinators.combine(any, any, amounts()).as(TransferStep::new);
    Arbitrary<LedgerStep> contribution =
        Combinators.combine(
                ira,
                amounts(),
                Arbitraries.of(2025, 2026),
                Arbitraries.of(Book.EXTERNAL, Book.of(CASH)))
            .as(ContributionStep::new);
    Arbitrary<LedgerStep> buy =
        Combinators.combine(investing, Arbitraries.of(VTI, BND), quantities(), prices())
            .as(BuyStep::new);
    Arbitrary<LedgerStep> sell =
        Combinators.combine(investing, Arbitraries.of("VTI", "BND"), quantities(), prices())
            .as(SellStep::new);
    return Arbitraries.frequencyOf(
            Tuple.of(4, deposit),
            Tuple.of(2, withdrawal),
            Tuple.of(1, fee),
            Tuple.of(3, transfer),
            Tuple.of(2, contribution),
            Tuple.of(4, buy),
            Tuple.of(3, sell))
        .filter(s -> s.validate("step", Money.USD).isEmpty());
  }
}
