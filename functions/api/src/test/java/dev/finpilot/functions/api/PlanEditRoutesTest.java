package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.Approval;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.http.HttpApiEvents;
import org.junit.jupiter.api.Test;

/** Editing a plan's goals or household: checked here, replanned by the workflow. */
class PlanEditRoutesTest extends HandlerHarness {
  final PlanSeeds seeds = new PlanSeeds(plans);

  PlanRecord active() {
    return seeds.finish(seeds.withVersions(USER, NOW, 1), PlanStatus.ACTIVE);
  }

  APIGatewayV2HTTPResponse patch(String userId, PlanRecord plan, String json) {
    return call(
        HttpApiEvents.request("PATCH", "/v1/plans/" + plan.planId())
            .identity(userId)
            .jsonBody(json));
  }

  /** The plan's goals with the first one described anew. */
  static String raisedGoals(PlanRecord plan) {
    JsonNode goals = Json.readTree(Json.write(plan.request().goals()));
    ((ObjectNode) goals.get(0)).put("description", "the edited goal");
    return Json.write(goals);
  }

  @Test
  void newGoalsAreHandedToTheWorkflowAsAnEditThatNeedsItsOwner() {
    PlanRecord plan = active();

    APIGatewayV2HTTPResponse response = patch(USER, plan, "{\"goals\": " + raisedGoals(plan) + "}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    JsonNode body = body(response);
    assertThat(body.path("deferred").asBoolean()).isFalse();
    assertThat(bus.sent()).hasSize(1);
    Envelope sent = bus.sent().get(0).envelope();
    assertThat(sent.type()).isEqualTo(MessageType.TRIGGER_RAISED);
    Payloads.TriggerRaised trigger = sent.payloadAs(Payloads.TriggerRaised.class);
    assertThat(trigger.decision().triggerId()).isEqualTo(body.path("editId").asText());
    assertThat(trigger.decision().action()).isEqualTo(ReviewAction.REPLAN);
    assertThat(trigger.decision().approval()).isEqualTo(Approval.USER_APPROVAL);
    assertThat(trigger.edit().goals()).hasSameSizeAs(plan.request().goals());
    assertThat(trigger.edit().goals().get(0).description()).isEqualTo("the edited goal");
    assertThat(trigger.edit().state()).isNull();
    assertThat(trigger.lifeEvent()).isNull();
  }

  @Test
  void theHouseholdMayBeSentUnderEitherName() {
    PlanRecord plan = active();
    String state = Json.write(plan.request().state()).replace("\"age\":35", "\"age\":36");

    assertThat(patch(USER, plan, "{\"household\": " + state + "}").getStatusCode()).isEqualTo(202);
    assertThat(patch(USER, plan, "{\"state\": " + state + "}").getStatusCode()).isEqualTo(202);

    assertThat(bus.sent())
        .extracting(s -> s.envelope().payloadAs(Payloads.TriggerRaised.class).edit().state().age())
        .containsExactly(36, 36);
  }

  @Test
  void anEmptyOrInvalidEditIsRefusedAndNothingIsSent() {
    PlanRecord plan = active();

    problem(patch(USER, plan, "{}"), 422, "validation-failed");
    JsonNode noGoals = problem(patch(USER, plan, "{\"goals\": []}"), 422, "validation-failed");
    String child = Json.write(plan.request().state()).replace("\"age\":35", "\"age\":7");
    JsonNode badState =
        problem(patch(USER, plan, "{\"state\": " + child + "}"), 422, "validation-failed");
    problem(patch(USER, plan, "{\"goals\": [], \"x\": 1}"), 400, "invalid-request");

    assertThat(noGoals.toString()).contains("goals");
    assertThat(badState.toString()).contains("state.age");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void aPlanStillBeingMadeCannotBeEditedAndAnotherUsersIsNotFound() {
    PlanRecord making = seeds.finish(seeds.withVersions(USER, NOW, 1), PlanStatus.PLANNING);
    PlanRecord theirs = seeds.finish(seeds.withVersions("someone-else", NOW, 1), PlanStatus.ACTIVE);

    problem(
        patch(USER, making, "{\"goals\": " + raisedGoals(making) + "}"),
        409,
        "workflow-step-unavailable");
    problem(patch(USER, theirs, "{\"goals\": " + raisedGoals(theirs) + "}"), 404, "not-found");
    assertThat(bus.sent()).isEmpty();
  }
}
