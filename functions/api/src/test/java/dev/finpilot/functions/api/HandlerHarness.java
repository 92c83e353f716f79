package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import dev.finpilot.messaging.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One API handler per test class, wired to in-memory fakes that are emptied before each test. The
 * clock stands at the time of the sample events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HandlerHarness {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final String USER = "user-123";

  final InMemoryPlans plans = new InMemoryPlans();
  final RecordingBus bus = new RecordingBus();
  volatile HealthReport health;
  final ApiHandler handler =
      new ApiHandler(new ApiBackend(plans, bus, () -> health, Clock.fixed(NOW, ZoneOffset.UTC)));

  @BeforeEach
  void reset() {
    plans.clear();
    bus.clear();
    health =
        new HealthReport(Status.OK, Map.of("workflow", new QueueHealth(Status.OK, 0L, 0L, 0L)));
  }

  @AfterAll
  void close() {
    handler.getApplicationContext().close();
  }

  APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  static JsonNode body(APIGatewayV2HTTPResponse response) {
    return Json.readTree(response.getBody());
  }

  /**
   * Asserts an RFC 9457 problem response and returns its body. The correlation id must be the same
   * in the header and the body.
   */
  static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String type) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/" + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).startsWith("/");
    assertThat(problem.path("correlationId").asText())
        .isNotBlank()
        .isEqualTo(response.getHeaders().get(Correlation.HEADER));
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }
}
