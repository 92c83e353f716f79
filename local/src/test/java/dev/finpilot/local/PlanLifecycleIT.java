package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans submitted through the API handler, carried by real queues and tables to a final state. */
@WithAwsBackend
class PlanLifecycleIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static RunningStack stack;
  private static DynamoPlanRepository plans;

  @BeforeAll
  static void start(Environment env) {
    stack = new RunningStack(env, 2);
    plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aSubmittedPlanBecomesActiveWithOneCorrelationIdOnEveryHop() {
    long started = System.nanoTime();
    APIGatewayV2HTTPResponse accepted =
        stack.submit("alice", RunningStack.sampleRequest(), "corr-e2e-1");
    assertThat(accepted.getStatusCode()).isEqualTo(202);
    JsonNode body = Json.readTree(accepted.getBody());
    String planId = body.get("planId").asText();
    assertThat(body.get("correlationId").asText()).isEqualTo("corr-e2e-1");

    JsonNode plan = stack.awaitFinal("alice", planId, PATIENCE);
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.printf("end-to-end submit -> %s in %d ms%n", plan.get("status").asText(), millis);

    assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
    List<PlanEvent> history = plans.history(planId);
    assertThat(history)
        .extracting(PlanEvent::to)
        .containsSubsequence(
            PlanStatus.RETRIEVING,
            PlanStatus.PLANNING,
            PlanStatus.VERIFYING,
            PlanStatus.EXECUTING,
            PlanStatus.ACTIVE);
    assertThat(history).extracting(PlanEvent::correlationId).containsOnly("corr-e2e-1");
    assertThat(plans.find(planId).orElseThrow().correlationId()).isEqualTo("corr-e2e-1");
    JsonNode version = plan.path("version");
    assertThat(version.path("plan").path("contributions").size()).isPositive();
    assertThat(version.path("verification").path("outcome").asText())
        .isIn("APPROVED", "CONDITIONAL");
    assertThat(version.path("reasoning").path("trace").path("nodes").size()).isGreaterThan(5);
  }

  @Test
  void aDuplicatedCommandAfterTheFactChangesNothing() {
    String planId =
        Json.readTree(stack.submit("bob", RunningStack.sampleRequest(), "corr-e2e-2").getBody())
            .get("planId")
            .asText();
    assertThat(stack.awaitFinal("bob", planId, PATIENCE).get("status").asText())
        .isEqualTo("ACTIVE");
    PlanRecord before = plans.find(planId).orElseThrow();
    DynamoLedgerStore ledger =
        new DynamoLedgerStore(stack.env.dynamoDb(), stack.env.tableName("LedgerTable"));
    String bob = stack.user("bob").userId();
    int postings = ledger.transactions(bob).size();

    // SQS may deliver the execute command again, long after the plan went ACTIVE.
    Envelope again =
        Envelope.create(
            MessageType.EXECUTE_PLAN,
            planId,
            before.currentVersion(),
            bob,
            new Payloads.ExecutePlan(false),
            Instant.now());
    stack
        .env
        .queue("ExecutionQueue")
        .send(Json.write(again), Map.of("correlationId", "corr-e2e-2", "planId", planId));
    assertThat(stack.runtime.awaitIdle(Duration.ofSeconds(30))).isTrue();

    assertThat(ledger.transactions(bob)).hasSize(postings);
    assertThat(plans.find(planId).orElseThrow().revision()).isEqualTo(before.revision());
  }

  @Test
  void aPlanThatCannotPassIsReplannedThenRejectedWithWhatWouldHaveToChange() {
    ObjectNode request = RunningStack.sampleRequest();
    ObjectNode state = (ObjectNode) request.get("state");
    // Spending above income: no plan can save anything, every round fails verification.
    ((ObjectNode) state.get("expenses").get("essential")).put("amount", "14000.00");
    ((ObjectNode) state.get("expenses").get("housing")).put("amount", "6000.00");
    String planId =
        Json.readTree(stack.submit("carol", request, "corr-e2e-3").getBody())
            .get("planId")
            .asText();

    JsonNode plan = stack.awaitFinal("carol", planId, PATIENCE);

    assertThat(plan.get("status").asText()).isEqualTo("REJECTED");
    assertThat(plan.get("statusReason").asText()).contains("no plan passed verification");
    assertThat(plans.history(planId)).extracting(PlanEvent::to).contains(PlanStatus.REPLANNING);
  }

  @Test
  void aFirstPlanOutOfReachAwaitsApprovalOfTheSmallestRelaxationThatPasses() {
    ObjectNode request = RunningStack.sampleRequest();
    ((ObjectNode) request.get("goals").get(0).get("targetAmount")).put("amount", "6000000.00");
    String planId =
        Json.readTree(stack.submit("ivan", request, "corr-e2e-5").getBody()).get("planId").asText();

    JsonNode pending =
        stack.awaitPlan(
            "ivan",
            planId,
            PATIENCE,
            p ->
                p.get("status").asText().equals("AWAITING_APPROVAL")
                    || RunningStack.FINAL.contains(p.get("status").asText()));

    assertThat(pending.get("status").asText())
        .as(pending.toString())
        .isEqualTo("AWAITING_APPROVAL");
    assertThat(pending.get("activeVersion").asInt()).isZero();
    int relaxed = pending.get("pendingVersion").asInt();
    assertThat(relaxed).isEqualTo(4);
    assertThat(pending.get("statusReason").asText())
        .startsWith("no plan passed verification in 3 rounds; as asked, the best plan (version 3)")
        .contains(plans.findVersion(planId, relaxed).orElseThrow().reasoning().proposal())
        .endsWith("it awaits its owner's approval; nothing is in force until then");

    APIGatewayV2HTTPResponse approved =
        stack.post("ivan", "/v1/plans/" + planId + "/versions/4/approve", null, "corr-e2e-6");
    assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(202);
    JsonNode active = stack.awaitFinal("ivan", planId, PATIENCE);
    assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.get("activeVersion").asInt()).isEqualTo(4);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueAndThePlanFailsWithTheReason() {
    // A plan waiting for its planning step, as the workflow leaves it.
    String planId = java.util.UUID.randomUUID().toString();
    plans.create(
        PlanRecord.received(
            planId,
            stack.user("dave").userId(),
            dev.finpilot.domain.FinancialStateFixtures.request(),
            "corr-e2e-4",
            Instant.now()));
    stack
        .env
        .queue("PlanningQueue")
        .send(
            "not an envelope",
            Map.of("correlationId", "corr-e2e-4", "planId", planId, "messageType", "GeneratePlan"));

    assertThat(stack.env.queue("PlanningDeadLetterQueue").awaitMessages(1).get(0).body())
        .isEqualTo("not an envelope");
    JsonNode plan = stack.awaitFinal("dave", planId, PATIENCE);
    assertThat(plan.get("status").asText()).isEqualTo("FAILED");
    assertThat(plan.get("statusReason").asText())
        .startsWith(
            "the planning step could not finish: its message could not be read and was set"
                + " aside for an operator; the details are logged under correlation id")
        .doesNotContain("Exception")
        .doesNotContain("Envelope");
  }
}
