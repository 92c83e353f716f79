package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plan transitions pushed to their owner's connections through API Gateway's management API (a
 * stand-in), with the connections in the template's connections table.
 */
@WithAwsBackend
class WebSocketPlanNotifierIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private final ManagementApiStandIn managementApi =
      ManagementApiStandIn.start(Set.of("gone"), Set.of("failing"));
  private final WebSocketConnections connections;
  private final WebSocketPlanNotifier notifier;
  private final String owner = "user-" + UUID.randomUUID();

  WebSocketPlanNotifierIT(Environment env) {
    this.connections =
        new WebSocketConnections(
            env.dynamoDb(), env.tableName("ConnectionsTable"), Clock.fixed(NOW, ZoneOffset.UTC));
    this.notifier =
        WebSocketPlanNotifier.fromEnvironment(
            new FunctionEnvironment(
                Map.of(
                    WebSocketConnections.TABLE_VARIABLE,
                    env.tableName("ConnectionsTable"),
                    WebSocketPlanNotifier.ENDPOINT_VARIABLE,
                    managementApi.endpoint().toString())),
            env.dynamoDb(),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    managementApi.close();
  }

  @Test
  void aTransitionReachesEveryLiveConnectionAndAGoneOneIsForgotten() {
    connections.open(owner, "gone");
    connections.open(owner, "failing");
    connections.open(owner, "live");
    connections.open("someone-else", "stranger");
    Transition cancelled = Transition.cancel(plan(), "corr-1", NOW);

    notifier.planChanged(cancelled.updated(), cancelled.event());

    assertThat(managementApi.received()).containsOnlyKeys("live");
    JsonNode message = Json.readTree(managementApi.received().get("live").get(0));
    assertThat(message.get("type").asText()).isEqualTo("plan.status");
    assertThat(message.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(message.get("revision").asLong()).isEqualTo(cancelled.updated().revision());
    assertThat(message.get("correlationId").asText()).isEqualTo("corr-1");
    assertThat(connections.openFor(owner))
        .as("a connection that failed once may still be open")
        .containsExactlyInAnyOrder("failing", "live");
  }

  @Test
  void aVersionAwaitingApprovalAsksTheOwnerToDecide() {
    connections.open(owner, "live");
    Transition awaiting =
        Transition.of(
            PlanChange.of(plan(), PlanStatus.AWAITING_APPROVAL, "awaits approval").generating(2, 1),
            new Transition.Cause(MessageType.PLAN_VERIFIED, "m-9", "corr-2"),
            NOW);

    notifier.planChanged(awaiting.updated(), awaiting.event());

    JsonNode message = Json.readTree(managementApi.received().get("live").get(0));
    assertThat(message.get("type").asText()).isEqualTo("plan.approval-requested");
    assertThat(message.get("version").asInt()).isEqualTo(2);
    assertThat(message.get("reason").asText()).isEqualTo("awaits approval");
  }

  @Test
  void anOwnerWithoutConnectionsIsNotPushedTo() {
    Transition cancelled = Transition.cancel(plan(), "corr-1", NOW);

    notifier.planChanged(cancelled.updated(), cancelled.event());

    assertThat(managementApi.received()).isEmpty();
  }

  private PlanRecord plan() {
    return PlanRecord.received(
        UUID.randomUUID().toString(), owner, FinancialStateFixtures.request(), "corr-0", NOW);
  }
}
