package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.messaging.Json;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import java.time.Duration;

/**
 * Plans submitted through the running stack's API and, once ACTIVE, read back as the plans table
 * keeps them; and a version's projection computed again from what it recorded.
 */
final class SubmittedPlans {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** A plan that reached ACTIVE: its record, its active version, and what the API shows of it. */
  record Active(PlanRecord plan, PlanVersion version, JsonNode view) {}

  private final RunningStack stack;
  private final DynamoPlanRepository plans;

  SubmittedPlans(RunningStack stack) {
    this.stack = stack;
    this.plans = new DynamoPlanRepository(stack.env.dynamoDb(), stack.env.tableName("PlansTable"));
  }

  /** Submits {@code request} as {@code user} and waits for the plan to become ACTIVE. */
  Active activate(String user, ObjectNode request) {
    JsonNode accepted = Json.readTree(stack.submit(user, request, "c-" + user).getBody());
    String planId = accepted.path("planId").asText();
    JsonNode view = stack.awaitFinal(user, planId, PATIENCE);
    assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("ACTIVE");
    PlanRecord plan = plans.find(planId).orElseThrow();
    return new Active(
        plan, plans.findVersion(planId, plan.activeVersion()).orElseThrow(), view.path("version"));
  }

  /**
   * The projection of a first-round version planned again from its request in the snapshot it
   * recorded, with the planning function's options: equal to the stored one if the snapshot holds
   * everything the projection depends on.
   */
  PlanProjection reproject(Active active) {
    assertThat(active.version().version()).as("a version planned without findings").isEqualTo(1);
    return new Planner()
        .plan(active.plan().request(), planningOptions().withSnapshot(active.version().snapshot()))
        .projection();
  }

  private PlanningOptions planningOptions() {
    String paths = stack.env.functionEnv("PlanningFunction").get("PLANNING_PATHS");
    PlanningOptions defaults = PlanningOptions.defaults();
    return paths == null ? defaults : defaults.withPaths(Integer.parseInt(paths));
  }
}
