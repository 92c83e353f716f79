package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Idempotency-Key} on {@code POST /v1/plans}. */
class IdempotencyTest extends HandlerHarness {

  APIGatewayV2HTTPResponse create(String key, String body) {
    HttpApiEvents.Builder request = HttpApiEvents.post("/v1/plans").identity(USER).jsonBody(body);
    if (key != null) {
      request.header(IdempotentRequests.HEADER, key);
    }
    return call(request);
  }

  @Test
  void aReplayedKeyGetsTheFirstAnswerAndCreatesNoSecondPlan() {
    APIGatewayV2HTTPResponse first = create("key-1", samplePlanBody());
    APIGatewayV2HTTPResponse replay = create("key-1", samplePlanBody());

    assertThat(first.getStatusCode()).isEqualTo(202);
    assertThat(replay.getStatusCode()).isEqualTo(202);
    assertThat(replay.getBody()).isEqualTo(first.getBody());
    assertThat(replay.getHeaders())
        .containsEntry("Location", first.getHeaders().get("Location"))
        .containsEntry(IdempotentRequests.REPLAYED_HEADER, "true");
    assertThat(first.getHeaders()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void theSameRequestWithFieldsReorderedIsStillAReplay() {
    ObjectNode original = (ObjectNode) Json.readTree(samplePlanBody());
    ObjectNode reordered = Json.mapper().createObjectNode();
    reordered.set("taxYear", original.get("taxYear"));
    reordered.set("goals", original.get("goals"));
    reordered.set("state", original.get("state"));

    create("key-2", original.toString());
    APIGatewayV2HTTPResponse replay = create("key-2", reordered.toPrettyString());

    assertThat(replay.getHeaders()).containsEntry(IdempotentRequests.REPLAYED_HEADER, "true");
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    create("key-3", samplePlanBody());
    ObjectNode changed = (ObjectNode) Json.readTree(samplePlanBody());
    ((ObjectNode) changed.get("state")).put("age", 41);

    JsonNode problem = problem(create("key-3", changed.toString()), 422, "idempotency-key-reused");

    assertThat(problem.path("detail").asText()).contains("different request");
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void aKeyIsKeptForADayOnly() {
    create("key-4", samplePlanBody());
    clock.advance(IdempotentRequests.RETENTION.plus(Duration.ofSeconds(1)));
    // The plan-creation bucket has refilled by then as well.

    APIGatewayV2HTTPResponse later = create("key-4", samplePlanBody());

    assertThat(later.getHeaders()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
    assertThat(bus.sent()).hasSize(2);
  }

  @Test
  void aFailedRequestReleasesItsKeySoTheRetryRuns() {
    bus.refuse();
    problem(create("key-5", samplePlanBody()), 503, "service-unavailable");
    bus.clear();

    APIGatewayV2HTTPResponse retry = create("key-5", samplePlanBody());

    assertThat(retry.getStatusCode()).isEqualTo(202);
    assertThat(retry.getHeaders()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void aRetryWhileTheFirstIsRunningIsToldToWait() {
    String fingerprint = IdempotentRequests.fingerprint(Json.readTree(samplePlanBody()));
    stores.idempotency.claim(
        USER + "#POST /v1/plans#key-6", fingerprint, NOW, NOW.plus(Duration.ofHours(24)));

    APIGatewayV2HTTPResponse response = create("key-6", samplePlanBody());

    problem(response, 409, "conflict");
    assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void aBodyThatFailsValidationDoesNotUseUpTheKey() {
    problem(create("key-7", "{\"state\":{}}"), 400, "invalid-request");

    assertThat(create("key-7", samplePlanBody()).getStatusCode()).isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "ünïcode"})
  void aMalformedKeyIsNamed(String key) {
    JsonNode problem = problem(create(key, samplePlanBody()), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo(IdempotentRequests.HEADER);
  }

  @Test
  void anOverlongKeyIsNamed() {
    problem(create("k".repeat(129), samplePlanBody()), 400, "invalid-request");
  }
}
