package dev.finpilot.agents;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.execution.Books;
import dev.finpilot.execution.DelegatingStore;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.Transaction;
import dev.finpilot.execution.TransactionType;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two plans of one user executed at the same moment by two execution agents on the template's
 * ledger table, as two Lambda invocations would: both read the same books, one commits first, and
 * the other is computed again on what it committed. Every round is a new user, so the first
 * executions of every round race on books that do not exist yet.
 */
@WithAwsBackend
class ConcurrentExecutionsIT {

  /** Enough rounds that some of them race; the test checks that some did. */
  private static final int ROUNDS = 12;

  private static final PlanningRequest REQUEST = FinancialStateFixtures.request();
  private static final int TAX_YEAR = REQUEST.taxYear();

  /** 300 kept in cash, 500.25 into the Roth IRA. */
  private static final Plan PLAN_A = plan("300", ROTH_IRA, "500.25");

  /** Plan A after a review: 250 kept in cash, 50 into the taxable account. */
  private static final Plan PLAN_A_REVIEWED = plan("250", TAXABLE_BROKERAGE, "50");

  /** 100 kept in cash, 200.10 into the taxable account. */
  private static final Plan PLAN_B = plan("100", TAXABLE_BROKERAGE, "200.10");

  /** 100 kept in cash, 150 into the Roth IRA, which undoing plan A's first month closes. */
  private static final Plan PLAN_C = plan("100", ROTH_IRA, "150");

  private final DynamoLedgerStore ledger;
  private final AtomicInteger conflicts = new AtomicInteger();
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final List<Envelope> replies = Collections.synchronizedList(new ArrayList<>());
  private final ExecutionAgent agent;
  private final ExecutorService invocations = Executors.newFixedThreadPool(2);

  ConcurrentExecutionsIT(Environment env) {
    this.ledger = new DynamoLedgerStore(env.dynamoDb(), env.tableName("LedgerTable"));
    LedgerStore counting =
        new DelegatingStore(ledger) {
          @Override
          public CommitOutcome commit(Commit commit) {
            CommitOutcome outcome = super.commit(commit);
            if (outcome == CommitOutcome.VERSION_CONFLICT) {
              conflicts.incrementAndGet();
            }
            return outcome;
          }
        };
    CommandContext context =
        new CommandContext(
            plans,
            (reply, origin) -> replies.add(reply),
            Clock.fixed(AgentFixture.NOW, ZoneOffset.UTC));
    this.agent = new ExecutionAgent(context, counting, RegulatoryTable.usDefault());
  }

  @AfterEach
  void stopInvocations() {
    invocations.shutdownNow();
  }

  @Test
  void twoFirstExecutionsOfOneUserBothApplyOnceWithExactBalances() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String userId = "user-" + UUID.randomUUID();
      Envelope a = firstVersion("plan-a-" + round, userId, PLAN_A);
      Envelope b = firstVersion("plan-b-" + round, userId, PLAN_B);

      Map<String, Payloads.PlanExecuted> executed = together(a, b);

      assertThat(executed.values()).allSatisfy(e -> assertThat(e.refusal()).isNull());
      Books books = ledger.books(userId).orElseThrow();
      assertThat(books.version()).isEqualTo(2);
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(400));
      assertThat(books.require(ROTH_IRA).contributed(TAX_YEAR)).isEqualTo(Money.usd("500.25"));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("200.10"));
      assertThat(books.external()).isEqualTo(Money.usd("-1100.35"));
      List<Transaction> log = ledger.transactions(userId);
      assertThat(log).extracting(Transaction::id).doesNotHaveDuplicates();
      assertThat(log)
          .filteredOn(t -> t.type() == TransactionType.OPEN_ACCOUNT)
          .extracting(Transaction::account)
          .containsExactlyInAnyOrder(CASH, ROTH_IRA, TAXABLE_BROKERAGE);
      assertThat(log)
          .hasSize(executed.values().stream().mapToInt(Payloads.PlanExecuted::postings).sum());

      assertThat(together(a, b)).as("redelivered").isEqualTo(executed);
      assertThat(ledger.books(userId)).contains(books);
      assertThat(ledger.transactions(userId)).isEqualTo(log);
    }
    assertThat(conflicts.get())
        .as("writes that lost the race and were computed again")
        .isPositive();
  }

  @Test
  void aReplacementAndAnotherPlansFirstExecutionBothApply() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String userId = "user-" + UUID.randomUUID();
      String planA = "plan-a-" + round;
      together(firstVersion(planA, userId, PLAN_A));
      Envelope replacement = reviewed(planA);
      Envelope c = firstVersion("plan-c-" + round, userId, PLAN_C);

      Map<String, Payloads.PlanExecuted> executed = together(replacement, c);

      assertThat(executed.values()).allSatisfy(e -> assertThat(e.refusal()).isNull());
      // Plan A's first month is undone, whichever committed first.
      Books books = ledger.books(userId).orElseThrow();
      assertThat(books.require(CASH).cash()).isEqualTo(Money.usd(350));
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd(50));
      assertThat(books.require(ROTH_IRA).contributed(TAX_YEAR)).isEqualTo(Money.usd(150));
      assertThat(books.external()).isEqualTo(Money.usd(-550));
      List<Transaction> log = ledger.transactions(userId);
      assertThat(log).extracting(Transaction::id).doesNotHaveDuplicates();

      assertThat(together(replacement, c)).as("redelivered").isEqualTo(executed);
      assertThat(ledger.books(userId)).contains(books);
      assertThat(ledger.transactions(userId)).isEqualTo(log);
    }
    assertThat(conflicts.get())
        .as("writes that lost the race and were computed again")
        .isPositive();
  }

  /**
   * Hands every command to the agent on its own thread, all released at once, and returns each
   * plan's reply.
   */
  private Map<String, Payloads.PlanExecuted> together(Envelope... commands) throws Exception {
    replies.clear();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (Envelope command : commands) {
      running.add(
          invocations.submit(
              () -> {
                start.await();
                agent.handle(command, new MessageOrigin("corr-" + command.planId(), "cause"));
                return null;
              }));
    }
    start.countDown();
    for (Future<?> invocation : running) {
      invocation.get(60, TimeUnit.SECONDS);
    }
    assertThat(replies).hasSameSizeAs(commands);
    return replies.stream()
        .collect(
            Collectors.toMap(
                Envelope::planId, reply -> reply.payloadAs(Payloads.PlanExecuted.class)));
  }

  /** A plan with its first version, approved and about to be executed. */
  private Envelope firstVersion(String planId, String userId, Plan plan) {
    plans.create(PlanRecord.received(planId, userId, REQUEST, "corr-" + planId, AgentFixture.NOW));
    plans.saveVersion(new PlanVersion(planId, 1, plan, null, null, null, AgentFixture.NOW));
    return command(planId, userId, 1);
  }

  /** Version 2 of an executed plan, approved after a review and about to replace version 1. */
  private Envelope reviewed(String planId) {
    PlanRecord head = plans.find(planId).orElseThrow();
    plans.put(
        new PlanRecord(
            planId,
            head.userId(),
            PlanStatus.EXECUTING,
            head.revision() + 1,
            2,
            1,
            1,
            null,
            List.of(),
            head.correlationId(),
            null,
            null,
            REQUEST,
            head.createdAt(),
            AgentFixture.NOW));
    plans.saveVersion(
        new PlanVersion(planId, 2, PLAN_A_REVIEWED, null, null, null, AgentFixture.NOW));
    return command(planId, head.userId(), 2);
  }

  private static Envelope command(String planId, String userId, int version) {
    return Envelope.create(
        MessageType.EXECUTE_PLAN,
        planId,
        version,
        userId,
        new Payloads.ExecutePlan(false),
        AgentFixture.NOW);
  }

  /** A plan keeping {@code cash} in cash and moving {@code amount} into {@code account}. */
  private static Plan plan(String cash, AccountType account, String amount) {
    return AgentFixture.plan(
        List.of(
            new Contribution(CASH, Money.usd(cash)), new Contribution(account, Money.usd(amount))),
        "0.6",
        0.9);
  }
}
