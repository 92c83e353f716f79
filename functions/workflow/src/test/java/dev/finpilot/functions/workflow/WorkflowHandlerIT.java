package dev.finpilot.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The workflow function against real queues and tables on the emulator. */
@WithAwsBackend
class WorkflowHandlerIT {

  private final Environment env;
  private DynamoPlanRepository plans;
  private SqsEventSourceMapping poller;

  WorkflowHandlerIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void start() {
    Map<String, String> vars = env.functionEnv("WorkflowFunction");
    plans = new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"));
    poller = env.startPoller("WorkflowFunction", new WorkflowHandler(new AgentEnvironment(vars)));
  }

  @AfterEach
  void stop() {
    poller.close();
  }

  @Test
  void aSubmittedPlanIsSentToRetrievalWithItsCorrelationId() {
    String planId = createPlan();
    Envelope submitted =
        Envelope.create(
            MessageType.PLAN_SUBMITTED,
            planId,
            0,
            "u1",
            new Payloads.PlanSubmitted(),
            Instant.now());
    send(Json.write(submitted), Map.of("correlationId", "corr-it-1", "planId", planId));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> plans.find(planId).orElseThrow().status() == PlanStatus.RETRIEVING);
    List<Message> commands = receive("RetrievalQueue");
    assertThat(commands).hasSize(1);
    Message command = commands.get(0);
    assertThat(command.messageAttributes().get("correlationId").stringValue())
        .isEqualTo("corr-it-1");
    assertThat(command.messageAttributes().get("causationId").stringValue())
        .isEqualTo(submitted.messageId());
    assertThat(command.messageAttributes().get("messageType").stringValue())
        .isEqualTo("RetrieveMarketData");
    assertThat(plans.history(planId))
        .singleElement()
        .satisfies(e -> assertThat(e.correlationId()).isEqualTo("corr-it-1"));
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterQueueAtOnceAndFailsThePlan() {
    String planId = createPlan();
    send(
        "{not json",
        Map.of("correlationId", "corr-it-2", "planId", planId, "messageType", "PlanSubmitted"));

    List<Message> dead = awaitMessages("WorkflowDeadLetterQueue");
    assertThat(dead.get(0).body()).isEqualTo("{not json");
    assertThat(dead.get(0).messageAttributes().get("failureReason").stringValue())
        .startsWith("cannot read Envelope");
    // The AgentFailed report goes through the workflow's own queue and fails the plan.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> plans.find(planId).orElseThrow().status() == PlanStatus.FAILED);
    assertThat(plans.find(planId).orElseThrow().statusReason())
        .startsWith("workflow agent failed on PlanSubmitted: poison message: cannot read");
  }

  private String createPlan() {
    String planId = UUID.randomUUID().toString();
    plans.create(PlanRecord.received(planId, "u1", request(), "corr", Instant.now()));
    return planId;
  }

  private void send(String body, Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new java.util.HashMap<>();
    attributes.forEach(
        (k, v) ->
            values.put(
                k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
    env.sqs()
        .sendMessage(
            b ->
                b.queueUrl(env.queueUrl("WorkflowQueue"))
                    .messageBody(body)
                    .messageAttributes(values));
  }

  private List<Message> awaitMessages(String queue) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> receive(queue), messages -> !messages.isEmpty());
  }

  private List<Message> receive(String queue) {
    return env.sqs()
        .receiveMessage(
            b ->
                b.queueUrl(env.queueUrl(queue))
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(
                        software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.ALL))
        .messages();
  }

  private static PlanningRequest request() {
    FinancialState state =
        new FinancialState(
            40,
            FilingStatus.SINGLE,
            Money.usd(100_000),
            new MonthlyExpenses(Money.usd(3_000), Money.usd(1_000), Money.usd(1_500)),
            List.of(new Account("cash", AccountType.CASH, Money.usd(20_000))),
            null,
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            HsaCoverage.NONE);
    LocalDate asOf = LocalDate.of(2026, 1, 5);
    return new PlanningRequest(
        state,
        List.of(
            new Goal(GoalType.RETIREMENT, Money.usd(1_000_000), null, asOf.plusYears(25), 1, "")),
        2026,
        asOf);
  }
}
