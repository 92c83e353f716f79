package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.ActivePlan;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The market monitor in the local stack: what it watches, and what it does offline. */
@WithAwsBackend
class MarketMonitorIT {

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
  void aPlanTheWorkflowMakesActiveIsListedForTheMonitor() {
    String planId =
        Json.readTree(stack.submit("alice", RunningStack.sampleRequest(), "c-monitor").getBody())
            .get("planId")
            .asText();

    JsonNode plan = stack.awaitFinal("alice", planId, Duration.ofSeconds(90));

    assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(plans.activePlans(100, null).items())
        .extracting(ActivePlan::planId, ActivePlan::activeVersion)
        .contains(tuple(planId, 1));
  }

  @Test
  void offlineAScheduledRunSaysItHasNoLiveMarketDataAndRaisesNothing() {
    Map<String, Object> run =
        stack.runtime.invokeScheduled("MonitorFunction", Instant.parse("2026-03-02T14:15:00Z"));

    assertThat(run)
        .containsEntry("runId", "2026-03-02T14:15:00Z")
        .containsEntry("triggersRaised", 0);
    assertThat(run.get("withoutDataReason").toString()).contains("embedded historical data set");
  }
}
