package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.InMemoryLedgerStore;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.regulation.RegulatoryTable;
import java.util.List;
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

    agent.handle(command, f.trace);
    agent.handle(command, f.trace);

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
  void aContributionOverTheLimitIsRefusedCompensatedAndReported() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(10_000))), "0.6", 0.9));
    ExecutionAgent agent = new ExecutionAgent(f.context, store, RegulatoryTable.usDefault());

    agent.handle(
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.trace);

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
        f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)), f.trace);

    assertThat(store.books("u1")).isEmpty();
    assertThat(f.sent).isEmpty();
  }
}
