package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.testkit.http.HttpApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST .../what-if}: a change run on a stored version, checked before anything runs. */
class WhatIfRouteTest extends HandlerHarness {
  final PlanSeeds seeds = new PlanSeeds(plans);
  PlanRecord plan;
  PlanVersion version;
  String path;

  @BeforeEach
  void activePlan() {
    plan = seeds.active(USER, NOW);
    version = plans.findVersion(plan.planId(), 1).orElseThrow();
    path = "/v1/plans/" + plan.planId() + "/versions/1/what-if";
  }

  JsonNode whatIf(String body) {
    APIGatewayV2HTTPResponse response = post(USER, path, body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return body(response);
  }

  @Test
  void nothingChangedAnswersTheVersionsOwnNumbersOnBothSides() {
    JsonNode answer = whatIf("{\"change\": {}}");

    JsonNode whatIf = answer.path("whatIf");
    assertThat(answer.path("planId").asText()).isEqualTo(plan.planId());
    assertThat(answer.path("version").asInt()).isEqualTo(1);
    assertThat(whatIf.path("paths").asInt()).isEqualTo(version.projection().paths());
    assertThat(whatIf.path("seed").asLong()).isEqualTo(version.projection().seed());
    assertThat(whatIf.path("current").path("successProbability").asDouble())
        .isEqualTo(version.projection().successProbability());
    assertThat(whatIf.path("changed")).isEqualTo(whatIf.path("current"));
    assertThat(whatIf.path("current").path("bands"))
        .isEqualTo(
            body(get(USER, "/v1/plans/" + plan.planId() + "/versions/1"))
                .path("projection")
                .path("bands"));
  }

  @Test
  void aLaterGoalDateIsProjectedOnTheSamePathsAndNeverLowersSuccess() {
    JsonNode whatIf = whatIf("{\"change\": {\"goalYears\": 3}, \"paths\": 2000}").path("whatIf");

    assertThat(whatIf.path("paths").asInt()).isEqualTo(2000);
    assertThat(whatIf.path("change").path("goalYears").asInt()).isEqualTo(3);
    assertThat(whatIf.path("changed").path("successProbability").asDouble())
        .isGreaterThanOrEqualTo(whatIf.path("current").path("successProbability").asDouble());
    assertThat(whatIf.path("changed").path("goalDate").asText())
        .isEqualTo(version.projection().targetDate().plusYears(3).toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"change\": {}, \"paths\": 99}|paths",
        "{\"change\": {}, \"paths\": 10001}|paths",
        "{\"paths\": 1000}|change",
        "{\"change\": {\"goalYears\": 31}}|change.goalYears",
        "{\"change\": {\"marketFall\": 1.5}}|change.marketFall",
        "{\"change\": {\"extraInflation\": -0.5}}|change.extraInflation",
        "{\"change\": {\"goalYears\": -30}}|change.goalYears"
      })
  void invalidChangesAndPathCountsAreRefusedNamingTheField(String body, String field) {
    JsonNode problem = problem(post(USER, path, body), 422, "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"change\": {\"colour\": 1}}|change.colour",
        "{\"change\": {\"goalYears\": 1.5}}|change.goalYears",
        "{\"change\": {}, \"paths\": \"many\"}|paths",
        "[1]|",
        "{\"change\": |"
      })
  void malformedBodiesAreRefusedBeforeAnythingRuns(String body, String field) {
    JsonNode problem = problem(post(USER, path, body), 400, "invalid-request");

    if (field != null) {
      assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
    }
  }

  @Test
  void oversizedAndNonJsonBodiesAreRefused() {
    String huge =
        "{\"change\": {}, \"padding\": \"" + "x".repeat(JsonBody.SMALL_BODY_BYTES) + "\"}";

    problem(post(USER, path, huge), 413, "payload-too-large");
    problem(
        call(HttpApiEvents.post(path).identity(USER).body("goalYears=3", "text/plain")),
        415,
        "unsupported-media-type");
  }
}
