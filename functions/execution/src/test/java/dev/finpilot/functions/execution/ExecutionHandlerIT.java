package dev.finpilot.functions.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.execution.Books;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The execution agent posting to the DynamoDB ledger through real queues. */
@WithAwsBackend
class ExecutionHandlerIT {

  private final Environment env;
  private DynamoPlanRepository plans;
  private DynamoLedgerStore ledger;
  private SqsEventSourceMapping poller;

  ExecutionHandlerIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void start() {
    Map<String, String> vars = env.functionEnv("ExecutionFunction");
    plans = new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"));
    ledger = new DynamoLedgerStore(env.dynamoDb(), vars.get("LEDGER_TABLE"));
    poller =
        env.startPoller("ExecutionFunction", new ExecutionHandler(new FunctionEnvironment(vars)));
  }

  @AfterEach
  void stop() {
    poller.close();
  }

  @Test
  void aDuplicatedExecuteCommandPostsOnceAndRepliesTheSameTwice() {
    String planId = UUID.randomUUID().toString();
    String userId = "user-" + planId;
    Instant now = Instant.now();
    plans.create(
        PlanRecord.received(planId, userId, FinancialStateFixtures.request(), "corr-x", now));
    plans.saveVersion(new PlanVersion(planId, 1, plan(), null, null, null, now));
    Envelope command =
        Envelope.create(
            MessageType.EXECUTE_PLAN, planId, 1, userId, new Payloads.ExecutePlan(false), now);
    Map<String, String> attributes = Map.of("correlationId", "corr-x", "planId", planId);
    env.queue("ExecutionQueue").send(Json.write(command), attributes);
    env.queue("ExecutionQueue").send(Json.write(command), attributes);

    List<Message> replies = env.queue("WorkflowQueue").awaitMessages(2);
    List<Payloads.PlanExecuted> executed =
        replies.stream()
            .map(m -> Json.read(m.body(), Envelope.class).payloadAs(Payloads.PlanExecuted.class))
            .toList();
    assertThat(executed).allSatisfy(e -> assertThat(e.applied()).isTrue());
    assertThat(executed.get(0)).isEqualTo(executed.get(1));
    assertThat(replies)
        .allSatisfy(
            m ->
                assertThat(m.messageAttributes().get("correlationId").stringValue())
                    .isEqualTo("corr-x"));

    Books books = ledger.books(userId).orElseThrow();
    assertThat(books.account(AccountType.ROTH_IRA).orElseThrow().bookValue())
        .isEqualTo(Money.usd(500));
    assertThat(books.account(AccountType.CASH).orElseThrow().bookValue()).isEqualTo(Money.usd(250));
    assertThat(books.external()).isEqualTo(Money.usd(-750));
    assertThat(ledger.transactions(userId)).hasSize(executed.get(0).postings());
  }

  private static Plan plan() {
    return new Plan(
        "balanced",
        List.of(
            new Contribution(AccountType.ROTH_IRA, Money.usd(500)),
            new Contribution(AccountType.CASH, Money.usd(250))),
        List.of(),
        DebtPayoffMethod.AVALANCHE,
        Money.usd(9_000),
        GlidePath.constant(35, Allocation.of("0.6", "0.4", "0")),
        null,
        null,
        null,
        0,
        null,
        0.9);
  }
}
