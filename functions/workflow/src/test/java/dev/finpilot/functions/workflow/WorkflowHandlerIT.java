package dev.finpilot.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.domain.FinancialStateFixtures;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

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
    poller =
        env.startPoller("WorkflowFunction", new WorkflowHandler(new FunctionEnvironment(vars)));
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
    env.queue("WorkflowQueue")
        .send(Json.write(submitted), Map.of("correlationId", "corr-it-1", "planId", planId));

    Message command = env.queue("RetrievalQueue").awaitMessages(1).get(0);
    assertThat(plans.find(planId).orElseThrow().status()).isEqualTo(PlanStatus.RETRIEVING);
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
    env.queue("WorkflowQueue")
        .send(
            "{not json",
            Map.of("correlationId", "corr-it-2", "planId", planId, "messageType", "PlanSubmitted"));

    // Redrive would take 5 deliveries of 180 s visibility each: arriving within the probe's
    // patience shows the message was parked at once.
    Message dead = env.queue("WorkflowDeadLetterQueue").awaitMessages(1).get(0);
    assertThat(dead.body()).isEqualTo("{not json");
    assertThat(dead.messageAttributes().get("failureReason").stringValue())
        .startsWith("cannot read Envelope");
    // The AgentFailed report goes through the workflow's own queue and fails the plan.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> plans.find(planId).orElseThrow().status() == PlanStatus.FAILED);
    assertThat(plans.find(planId).orElseThrow().statusReason())
        .startsWith(
            "the workflow step could not finish: its message could not be read and was set"
                + " aside for an operator");
  }

  private String createPlan() {
    String planId = UUID.randomUUID().toString();
    plans.create(
        PlanRecord.received(planId, "u1", FinancialStateFixtures.request(), "corr", Instant.now()));
    return planId;
  }
}
