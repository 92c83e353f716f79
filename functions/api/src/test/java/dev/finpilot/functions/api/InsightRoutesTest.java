package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.testkit.http.HttpApiEvents;
import dev.finpilot.verification.Finding;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The insight routes on a stored version: each answers its service's result for that version,
 * refuses a version made before projection inputs were kept, needs a caller and counts against the
 * caller's limits.
 */
class InsightRoutesTest extends HandlerHarness {
  final PlanSeeds seeds = new PlanSeeds(plans);
  PlanRecord plan;
  PlanVersion version;
  String base;

  @BeforeEach
  void activePlan() {
    plan = seeds.active(USER, NOW);
    version = plans.findVersion(plan.planId(), 1).orElseThrow();
    base = "/v1/plans/" + plan.planId();
  }

  JsonNode ok(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return body(response);
  }

  @Test
  void theExplanationNamesEveryVerificationCodeOfTheVersion() {
    JsonNode answer = ok(get(USER, base + "/versions/1/explanation"));

    assertThat(answer.path("planId").asText()).isEqualTo(plan.planId());
    assertThat(answer.path("version").asInt()).isEqualTo(1);
    assertThat(answer.path("explanation").path("strategy").asText())
        .isEqualTo(version.reasoning().strategy().name());
    String text = answer.path("explanation").path("sections").toString();
    assertThat(version.verification().findings()).isNotEmpty();
    for (Finding f : version.verification().findings()) {
      assertThat(text).contains(f.code().name());
    }
  }

  @Test
  void theStressTestsMeasureTheVersionOnItsOwnSeedAndPaths() {
    JsonNode report = ok(get(USER, base + "/versions/1/stress-tests")).path("stressTests");

    assertThat(report.path("seed").asLong()).isEqualTo(version.projection().seed());
    assertThat(report.path("paths").asInt()).isEqualTo(version.projection().paths());
    assertThat(report.path("asPlanned").path("successProbability").asDouble())
        .isEqualTo(version.projection().successProbability());
    assertThat(report.path("scenarios").findValuesAsText("startYear"))
        .contains("1929", "1966", "1973", "2000", "2008");
  }

  @Test
  void theRiskAnalyticsComeFromTheVersionsOwnPaths() {
    JsonNode risk = ok(get(USER, base + "/versions/1/risk")).path("risk");

    assertThat(risk.path("version").asInt()).isEqualTo(1);
    assertThat(risk.path("seed").asLong()).isEqualTo(version.projection().seed());
    assertThat(risk.path("paths").asInt()).isEqualTo(version.projection().paths());
    assertThat(risk.path("tails").findValuesAsText("measure"))
        .containsExactly("ONE_YEAR", "HORIZON_AGAINST_TARGET", "HORIZON_AGAINST_MONEY_PUT_IN");
  }

  @Test
  void recommendationsAreForTheVersionInForceEachWithTheWhatIfThatTriesIt() {
    JsonNode answer = ok(get(USER, base + "/recommendations"));

    assertThat(answer.path("version").asInt()).isEqualTo(1);
    assertThat(answer.path("versionBasis").asText()).isEqualTo("ACTIVE");
    JsonNode ranked = answer.path("recommendations");
    assertThat(ranked).isNotEmpty();
    assertThat(ranked.get(0).path("rank").asInt()).isEqualTo(1);
    int tried = 0;
    for (JsonNode r : ranked) {
      if (r.has("tryIt")) {
        JsonNode call = r.path("whatIf");
        assertThat(call.path("method").asText()).isEqualTo("POST");
        assertThat(call.path("path").asText()).isEqualTo(base + "/versions/1/what-if");
        assertThat(call.path("body").path("change")).isEqualTo(r.path("tryIt"));
        JsonNode whatIf = ok(post(USER, call.path("path").asText(), Json.write(call.path("body"))));
        assertThat(whatIf.path("whatIf").path("change")).isEqualTo(r.path("tryIt"));
        tried++;
      } else {
        assertThat(r.has("whatIf")).isFalse();
      }
    }
    assertThat(tried).isPositive();
  }

  @Test
  void aPlanWithNoVersionInForceIsRecommendedOnItsNewestVersion() {
    PlanRecord underway = seeds.received(USER, NOW.plusSeconds(60));
    plans.saveVersion(InsightVersions.planned(underway.planId(), 1, NOW));
    seeds.advanceTo(underway, 1);

    JsonNode answer = ok(get(USER, "/v1/plans/" + underway.planId() + "/recommendations"));

    assertThat(answer.path("versionBasis").asText()).isEqualTo("CURRENT");
    assertThat(answer.path("version").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET {id}/versions/1/explanation",
        "POST {id}/versions/1/what-if",
        "GET {id}/versions/1/stress-tests",
        "GET {id}/versions/1/risk",
        "GET {id}/recommendations"
      })
  void aVersionMadeBeforeProjectionInputsWereKeptSaysSoOnEveryRoute(String route) {
    PlanRecord old = seeds.withVersions(USER, NOW, 1);

    JsonNode problem = problem(send(USER, route, old.planId()), 409, "version-predates-insight");

    assertThat(problem.path("detail").asText())
        .contains("version 1 was made before")
        .contains("/v1/plans/" + old.planId() + "/life-events");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET {id}/versions/1/explanation",
        "POST {id}/versions/1/what-if",
        "GET {id}/versions/1/stress-tests",
        "GET {id}/versions/1/risk",
        "GET {id}/recommendations"
      })
  void everyRouteNeedsACaller(String route) {
    boolean read = route.startsWith("GET ");
    String path = base + "/" + route.substring(read ? 4 : 5).replace("{id}/", "");
    HttpApiEvents.Builder anonymous =
        read ? HttpApiEvents.get(path) : HttpApiEvents.post(path).jsonBody("{\"change\": {}}");

    problem(call(anonymous), 401, "unauthenticated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "10000", "one", "-1"})
  void aVersionNumberOutOfRangeIsABadRequest(String number) {
    JsonNode problem =
        problem(get(USER, base + "/versions/" + number + "/risk"), 400, "invalid-request");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("version");
  }

  @Test
  void aVersionNotYetMadeIsNotFound() {
    problem(get(USER, base + "/versions/2/explanation"), 404, "not-found");
    problem(post(USER, base + "/versions/2/what-if", "{\"change\": {}}"), 404, "not-found");
  }

  @Test
  void simulationsHaveTheirOwnTighterBucketAndReadsAreUnaffected() {
    String risk = base + "/versions/1/risk";
    for (int i = 0; i < RateLimitPolicy.SIMULATION.capacity(); i++) {
      assertThat(
              (i % 2 == 0
                      ? get(USER, risk)
                      : post(USER, base + "/versions/1/what-if", "{\"change\": {}}"))
                  .getStatusCode())
          .isEqualTo(200);
    }

    APIGatewayV2HTTPResponse limited = get(USER, base + "/versions/1/stress-tests");

    assertThat(problem(limited, 429, "too-many-requests").path("detail").asText())
        .contains("simulation");
    assertThat(limited.getHeaders()).containsEntry("Retry-After", "6");
    assertThat(get(USER, base + "/versions/1/explanation").getStatusCode()).isEqualTo(200);
    assertThat(get(USER, base + "/recommendations").getStatusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(6));
    assertThat(get(USER, risk).getStatusCode()).isEqualTo(200);
  }

  private APIGatewayV2HTTPResponse send(String user, String route, String planId) {
    boolean read = route.startsWith("GET ");
    String path = "/v1/plans/" + route.substring(read ? 4 : 5).replace("{id}", planId);
    return read ? get(user, path) : post(user, path, "{\"change\": {}}");
  }
}
