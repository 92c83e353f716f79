package dev.finpilot.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.ManagementApiStandIn;
import dev.finpilot.aws.WebSocketConnections;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.Approval;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workflow pushes a transition to the owner's open WebSocket connections. A stand-in for API
 * Gateway's management API is reached through the SDK's service-specific endpoint setting instead
 * of the template's stage URL: it records what a live connection receives and answers 410 Gone for
 * a closed one.
 */
@WithAwsBackend
class LiveUpdatesIT {
  private static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";
  private static final String GONE = "gone-1";

  private static ManagementApiStandIn managementApi;
  private static Map<String, List<String>> received;

  private final Environment env;

  LiveUpdatesIT(Environment env) {
    this.env = env;
  }

  @BeforeAll
  static void startTheManagementApiStandIn() {
    managementApi = ManagementApiStandIn.start(Set.of(GONE), Set.of());
    received = managementApi.received();
    System.setProperty(ENDPOINT_PROPERTY, managementApi.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty(ENDPOINT_PROPERTY);
    managementApi.close();
  }

  @Test
  void aTransitionReachesTheOwnersLiveConnectionAndAGoneOneIsForgotten() {
    Map<String, String> vars = env.functionEnv("WorkflowFunction");
    WebSocketConnections connections =
        new WebSocketConnections(env.dynamoDb(), vars.get("CONNECTIONS_TABLE"), Clock.systemUTC());
    String owner = "owner-" + UUID.randomUUID();
    String live = "live-" + UUID.randomUUID();
    String stranger = "stranger-" + UUID.randomUUID();
    connections.open(owner, live);
    connections.open(owner, GONE);
    connections.open("someone-else", stranger);
    String planId = UUID.randomUUID().toString();
    new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"))
        .create(
            PlanRecord.received(
                planId, owner, FinancialStateFixtures.request(), "corr-live", Instant.now()));

    try (SqsEventSourceMapping poller =
        env.startPoller("WorkflowFunction", new WorkflowHandler(new FunctionEnvironment(vars)))) {
      Envelope submitted =
          Envelope.create(
              MessageType.PLAN_SUBMITTED,
              planId,
              0,
              owner,
              new Payloads.PlanSubmitted(),
              Instant.now());
      env.queue("WorkflowQueue")
          .send(Json.write(submitted), Map.of("correlationId", "corr-live", "planId", planId));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> received.containsKey(live) && connections.openFor(owner).size() == 1);
    }

    JsonNode message = Json.readTree(received.get(live).get(0));
    assertThat(message.get("type").asText()).isEqualTo("plan.status");
    assertThat(message.get("planId").asText()).isEqualTo(planId);
    assertThat(message.get("status").asText()).isEqualTo("RETRIEVING");
    assertThat(message.get("version").asInt()).isZero();
    assertThat(message.get("revision").asLong()).isEqualTo(1);
    assertThat(message.get("correlationId").asText()).isEqualTo("corr-live");
    assertThat(Instant.parse(message.get("at").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(message.has("reason")).as("no reason for a normal step").isFalse();
    assertThat(received.get(live)).hasSize(1);
    assertThat(connections.openFor(owner)).containsExactly(live);
    assertThat(received).doesNotContainKey(stranger);
    assertThat(connections.openFor("someone-else")).containsExactly(stranger);
  }

  @Test
  void aVersionAwaitingApprovalAsksTheOwnerToDecide() {
    Map<String, String> vars = env.functionEnv("WorkflowFunction");
    WebSocketConnections connections =
        new WebSocketConnections(env.dynamoDb(), vars.get("CONNECTIONS_TABLE"), Clock.systemUTC());
    String owner = "owner-" + UUID.randomUUID();
    String live = "live-" + UUID.randomUUID();
    connections.open(owner, live);
    String planId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    ReviewDecision replan =
        new ReviewDecision(
            planId + ":LIFE:e1",
            planId,
            TriggerSeverity.HIGH,
            ReviewAction.REPLAN,
            Approval.USER_APPROVAL,
            true,
            now.plusSeconds(3600),
            List.of("HIGH DIVORCE"));
    // Version 1 is in force; version 2, planned after the life event, is being verified.
    new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"))
        .create(
            new PlanRecord(
                planId,
                owner,
                PlanStatus.VERIFYING,
                0,
                2,
                1,
                1,
                replan,
                List.of(),
                "corr-review",
                null,
                null,
                FinancialStateFixtures.request(),
                now,
                now));

    try (SqsEventSourceMapping poller =
        env.startPoller("WorkflowFunction", new WorkflowHandler(new FunctionEnvironment(vars)))) {
      Envelope verified =
          Envelope.create(
              MessageType.PLAN_VERIFIED,
              planId,
              2,
              owner,
              new Payloads.PlanVerified("APPROVED", List.of()),
              now);
      env.queue("WorkflowQueue")
          .send(Json.write(verified), Map.of("correlationId", "corr-review", "planId", planId));

      await().atMost(Duration.ofSeconds(30)).until(() -> received.containsKey(live));
    }

    JsonNode message = Json.readTree(received.get(live).get(0));
    assertThat(message.get("type").asText()).isEqualTo("plan.approval-requested");
    assertThat(message.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(message.get("version").asInt()).isEqualTo(2);
    assertThat(message.get("activeVersion").asInt()).isEqualTo(1);
    assertThat(message.get("reason").asText()).contains("awaits its owner's approval");
  }
}
