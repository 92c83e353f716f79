package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import org.junit.jupiter.api.Test;

/** Goals in plain words: read on their own, or given instead of goals when asking for a plan. */
class GoalParsingRoutesTest extends HandlerHarness {

  @Test
  void aGoalInWordsIsReadWithItsConfidenceAndAsPlanningGoals() {
    APIGatewayV2HTTPResponse response =
        post(
            USER,
            "/v1/goals/parse",
            "{\"text\":\"I want to save $100,000 for retirement in 10 years\",\"currentAge\":40}");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode reading = body(response);
    assertThat(reading.path("goals")).hasSize(1);
    assertThat(reading.path("goals").get(0).path("type").asText()).isEqualTo("RETIREMENT");
    assertThat(reading.path("goals").get(0).path("targetAmount").path("amount").decimalValue())
        .isEqualByComparingTo("100000");
    assertThat(reading.path("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(reading.path("planningGoals").get(0).path("targetDate").asText())
        .isEqualTo(TODAY.plusYears(10).toString());
    assertThat(reading.has("unparsed")).isTrue();
  }

  @Test
  void textWithNoGoalIsUnprocessableWithTheParsersExplanation() {
    JsonNode problem =
        problem(
            post(USER, "/v1/goals/parse", "{\"text\":\"the weather is lovely today\"}"),
            422,
            "unreadable-goal");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("text");
    assertThat(problem.path("detail").asText()).contains("could not find a financial goal");
  }

  @Test
  void parseRequestsAreValidated() {
    JsonNode problem =
        problem(
            post(USER, "/v1/goals/parse", "{\"text\":null,\"currentAge\":7}"),
            422,
            "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("text", "currentAge");
    problem(post(USER, "/v1/goals/parse", "{\"txt\":\"retire\"}"), 400, "invalid-request");
    problem(
        post(USER, "/v1/goals/parse", "{\"text\":\"" + "x".repeat(2001) + "\"}"),
        422,
        "validation-failed");
  }

  @Test
  void aPlanCanBeAskedForInWords() {
    ObjectNode body = (ObjectNode) Json.readTree(samplePlanBody());
    body.remove("goals");
    body.put("goalText", "build a 6 month emergency fund within 2 years");

    APIGatewayV2HTTPResponse response = post(USER, "/v1/plans", body.toString());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    JsonNode accepted = body(response);
    assertThat(accepted.path("interpretation").path("goals").get(0).path("type").asText())
        .isEqualTo("EMERGENCY_FUND");
    assertThat(accepted.path("interpretation").path("assumptions")).isNotEmpty();
    String planId = accepted.path("planId").asText();
    assertThat(plans.find(planId).orElseThrow().request().goals())
        .singleElement()
        .satisfies(g -> assertThat(g.type().name()).isEqualTo("EMERGENCY_FUND"));
  }

  @Test
  void goalsAndGoalTextTogetherAreRefusedAndUnreadableTextIsNamed() {
    ObjectNode both = (ObjectNode) Json.readTree(samplePlanBody());
    both.put("goalText", "retire at 60");
    JsonNode twice = problem(post(USER, "/v1/plans", both.toString()), 422, "validation-failed");
    assertThat(twice.path("errors").get(0).path("field").asText()).isEqualTo("goalText");

    ObjectNode unreadable = (ObjectNode) Json.readTree(samplePlanBody());
    unreadable.remove("goals");
    unreadable.put("goalText", "hello there");
    JsonNode problem =
        problem(post(USER, "/v1/plans", unreadable.toString()), 422, "unreadable-goal");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("goalText");
    assertThat(bus.sent()).isEmpty();
  }
}
