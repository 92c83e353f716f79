package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Book;
import dev.finpilot.execution.ContributionStep;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.ExecutionResult;
import dev.finpilot.execution.HouseholdContributionLimits;
import dev.finpilot.execution.InMemoryLedgerStore;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.execution.WithdrawalStep;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.regulation.RegulatoryTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionAgentTest {

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  @Test
  void postsTheFirstMonthOnceEvenWhenTheCommandIsRedelivered() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(
                    new Contribution(AccountType.EMPLOYER_401K, Money.usd(450)),
                    new Contribution(AccountType.ROTH_IRA, Money.usd(500)),
                    new Contribution(AccountType.TAXABLE_BROKERAGE, Money.usd(200)),
                    new Contribution(AccountType.CASH, Money.usd(300))),
                "0.6",
                0.9));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());
    Envelope command = f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false));

    agent.handle(command, f.origin);
    agent.handle(command, f.origin);

    Payloads.PlanExecuted first = f.sent.get(0).payloadAs(Payloads.PlanExecuted.class);
    assertThat(first.applied()).isTrue();
    assertThat(f.sent.get(1).payloadAs(Payloads.PlanExecuted.class)).isEqualTo(first);
    var books = store.books("u1").orElseThrow();
    assertThat(books.account(AccountType.CASH).orElseThrow().bookValue()).isEqualTo(Money.usd(300));
    assertThat(books.account(AccountType.ROTH_IRA).orElseThrow().bookValue())
        .isEqualTo(Money.usd(500));
    assertThat(books.account(AccountType.TAXABLE_BROKERAGE).orElseThrow().bookValue())
        .isEqualTo(Money.usd(200));
    assertThat(books.external()).isEqualTo(Money.usd(-1_450));
    assertThat(store.transactions("u1")).hasSize(first.postings());
  }

  @Test
  void aFirstMonthRecordedWithStepsMadeFromTheBooksIsAnsweredOnRedelivery() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(contributions(500, 300), "0.6", 0.9));
    int taxYear = FinancialStateFixtures.request().taxYear();
    // What the agent stored before first months opened their accounts unless open: only the
    // accounts missing from the books it read, each refusing if open.
    ExecutionResult stored =
        new Ledger(
                store,
                new HouseholdContributionLimits(
                    RegulatoryTable.usDefault(),
                    FinancialStateFixtures.request().state(),
                    FinancialStateFixtures.request().asOf()),
                f.context.clock())
            .apply(
                ExecutionRequest.forPlan(
                    "u1",
                    "p1",
                    1,
                    "p1#v1#first-month",
                    List.of(
                        new OpenAccountStep(AccountType.CASH),
                        new OpenAccountStep(AccountType.ROTH_IRA),
                        new DepositStep(AccountType.CASH, Money.usd(800)),
                        new ContributionStep(
                            AccountType.ROTH_IRA,
                            Money.usd(500),
                            taxYear,
                            Book.of(AccountType.CASH)))))
            .orThrow();
    var books = store.books("u1").orElseThrow();
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());

    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);

    assertThat(f.lastSent().payloadAs(Payloads.PlanExecuted.class))
        .isEqualTo(new Payloads.PlanExecuted(stored.transactions().size(), null));
    assertThat(store.books("u1")).contains(books);
    assertThat(store.transactions("u1")).isEqualTo(stored.transactions());
  }

  @Test
  void aContributionOverTheLimitIsRefusedCompensatedAndReported() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(10_000))), "0.6", 0.9));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());

    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);

    Payloads.PlanExecuted executed = f.lastSent().payloadAs(Payloads.PlanExecuted.class);
    assertThat(executed.applied()).isFalse();
    assertThat(executed.refusal()).contains("refused").contains("limit");
    assertThat(store.books("u1").map(b -> b.internalBookValue()))
        .hasValueSatisfying(v -> assertThat(v.isZero()).isTrue());
  }

  @Test
  void nothingIsPostedForACancelledPlan() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(500))), "0.6", 0.9));
    var plan = f.plans.find("p1").orElseThrow();
    f.plans.apply(dev.finpilot.plans.Transition.cancel(plan, "corr-7", AgentFixture.NOW));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());

    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);

    assertThat(store.books("u1")).isEmpty();
    assertThat(f.sent).isEmpty();
  }

  private static List<Contribution> contributions(long roth, long cash) {
    return List.of(
        new Contribution(AccountType.ROTH_IRA, Money.usd(roth)),
        new Contribution(AccountType.CASH, Money.usd(cash)));
  }

  @Test
  void aVersionReplacingOneExecutedThisMonthReplacesItsFirstMonth() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(contributions(500, 300), "0.6", 0.9));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());
    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);
    f.reviewedInto(AgentFixture.plan(contributions(400, 100), "0.6", 0.9));
    Envelope second =
        Envelope.create(
            MessageType.EXECUTE_PLAN,
            "p1",
            2,
            "u1",
            new Payloads.ExecutePlan(false),
            AgentFixture.NOW);

    agent.handle(second, f.origin);
    agent.handle(second, f.origin);

    Payloads.PlanExecuted executed = f.sent.get(1).payloadAs(Payloads.PlanExecuted.class);
    assertThat(executed.applied()).as(executed.refusal()).isTrue();
    assertThat(f.sent.get(2).payloadAs(Payloads.PlanExecuted.class)).isEqualTo(executed);
    var books = store.books("u1").orElseThrow();
    int taxYear = FinancialStateFixtures.request().taxYear();
    assertThat(books.require(AccountType.ROTH_IRA).contributed(taxYear)).isEqualTo(Money.usd(400));
    assertThat(books.require(AccountType.CASH).cash()).isEqualTo(Money.usd(100));
    assertThat(books.external()).isEqualTo(Money.usd(-500));
    assertThat(store.transactions("u1"))
        .filteredOn(t -> t.isReversal())
        .extracting(t -> t.executionKey())
        .containsOnly("p1#v1#first-month")
        .hasSize(
            store
                .execution("u1", "p1#v1#first-month")
                .orElseThrow()
                .result()
                .transactions()
                .size());
  }

  @Test
  void aVersionReplacingOneExecutedLastMonthAddsThisMonthToIt() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(contributions(500, 300), "0.6", 0.9));
    CommandContext lastMonth =
        new CommandContext(
            f.plans, f.bus, Clock.fixed(Instant.parse("2025-12-31T23:00:00Z"), ZoneOffset.UTC));
    new ExecutionAgent(lastMonth, store, RegulatoryTable.usDefault())
        .handle(
            f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);
    f.reviewedInto(AgentFixture.plan(contributions(400, 100), "0.6", 0.9));

    new ExecutionAgent(f.context, store, RegulatoryTable.usDefault())
        .handle(
            Envelope.create(
                MessageType.EXECUTE_PLAN,
                "p1",
                2,
                "u1",
                new Payloads.ExecutePlan(false),
                AgentFixture.NOW),
            f.origin);

    assertThat(f.lastSent().payloadAs(Payloads.PlanExecuted.class).applied()).isTrue();
    var books = store.books("u1").orElseThrow();
    int taxYear = FinancialStateFixtures.request().taxYear();
    assertThat(books.require(AccountType.ROTH_IRA).contributed(taxYear)).isEqualTo(Money.usd(900));
    assertThat(books.external()).isEqualTo(Money.usd(-1_300));
    assertThat(store.transactions("u1")).noneMatch(t -> t.isReversal());
  }

  @Test
  void aReplacementTheLedgerCannotUndoIsReportedAsARefusal() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(contributions(500, 300), "0.6", 0.9));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());
    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.origin);
    Ledger ledger = new Ledger(store, (account, year) -> Optional.empty(), f.context.clock());
    ledger
        .apply(
            ExecutionRequest.single(
                "u1", "spent", new WithdrawalStep(AccountType.CASH, Money.usd(250))))
        .orThrow();
    var before = store.books("u1").orElseThrow();
    f.reviewedInto(AgentFixture.plan(contributions(400, 100), "0.6", 0.9));

    agent.handle(
        Envelope.create(
            MessageType.EXECUTE_PLAN,
            "p1",
            2,
            "u1",
            new Payloads.ExecutePlan(false),
            AgentFixture.NOW),
        f.origin);

    Payloads.PlanExecuted executed = f.lastSent().payloadAs(Payloads.PlanExecuted.class);
    assertThat(executed.applied()).isFalse();
    assertThat(executed.refusal())
        .startsWith(
            "undo p1#v1#first-month refused: cannot post the reversal of p1#v1#first-month/")
        .contains("CASH cash would be -250.00");
    assertThat(store.books("u1").orElseThrow().accounts()).isEqualTo(before.accounts());
  }
}
