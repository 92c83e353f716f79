package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

class RoutingAndHealthTest extends HandlerHarness {

  static APIGatewayV2HTTPEvent health() {
    return ApiEvents.load("health.json");
  }

  @Test
  void healthyDependenciesAnswer200WithQueueDepths() {
    health =
        new HealthReport(
            Status.OK,
            Map.of(
                "workflow", new QueueHealth(Status.OK, 3L, 1L, 0L),
                "planning", new QueueHealth(Status.OK, 0L, 0L, 2L)));

    APIGatewayV2HTTPResponse response = call(health());

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("checks").path("dynamodb").asText()).isEqualTo("ok");
    JsonNode workflow = body.path("checks").path("queues").path("workflow");
    assertThat(workflow.path("visible").asLong()).isEqualTo(3);
    assertThat(workflow.path("inFlight").asLong()).isEqualTo(1);
    assertThat(workflow.path("deadLetterVisible").asLong()).isZero();
    assertThat(
            body.path("checks").path("queues").path("planning").path("deadLetterVisible").asLong())
        .isEqualTo(2);
  }

  @Test
  void aDependencyDownAnswers503() {
    health = new HealthReport(Status.ERROR, Map.of("workflow", QueueHealth.error()));

    APIGatewayV2HTTPResponse response = call(health());

    assertThat(response.getStatusCode()).isEqualTo(503);
    JsonNode body = body(response);
    assertThat(body.path("status").asText()).isEqualTo("unavailable");
    assertThat(body.path("checks").path("dynamodb").asText()).isEqualTo("error");
    assertThat(body.path("checks").path("queues").path("workflow").path("status").asText())
        .isEqualTo("error");
  }

  @Test
  void aQueueDownAloneAnswers503() {
    health =
        new HealthReport(
            Status.OK,
            Map.of(
                "workflow",
                new QueueHealth(Status.OK, 0L, 0L, 0L),
                "planning",
                QueueHealth.error()));

    assertThat(call(health()).getStatusCode()).isEqualTo(503);
  }

  @Test
  void anUnknownRouteIsAProblem() {
    JsonNode problem =
        problem(call(ApiEvents.route(health(), "GET", "/v1/unknown")), 404, "not-found");

    assertThat(problem.path("instance").asText()).isEqualTo("/v1/unknown");
  }

  @Test
  void aWrongMethodIsAProblemThatNamesTheAllowedOnes() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.route(health(), "DELETE", "/v1/plans"));

    problem(response, 405, "method-not-allowed");
    assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD, POST");
  }

  @Test
  void theCallersCorrelationIdIsEchoed() {
    APIGatewayV2HTTPEvent event = health();
    event.getHeaders().put(CorrelationId.HEADER, "web-7f3a.2_b");

    assertThat(call(event).getHeaders()).containsEntry(CorrelationId.HEADER, "web-7f3a.2_b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "tab\there", "<script>", "quote\"d", ""})
  void anUnsafeCorrelationIdIsReplaced(String incoming) {
    APIGatewayV2HTTPEvent event = ApiEvents.route(health(), "GET", "/nowhere");
    event.getHeaders().put(CorrelationId.HEADER, incoming);

    APIGatewayV2HTTPResponse response = call(event);

    String id = response.getHeaders().get(CorrelationId.HEADER);
    assertThat(id).isNotEqualTo(incoming).matches("[0-9a-f-]{36}");
    assertThat(problem(response, 404, "not-found").path("correlationId").asText()).isEqualTo(id);
  }

  @Test
  void anOverlongCorrelationIdIsReplaced() {
    APIGatewayV2HTTPEvent event = health();
    String tooLong = "a".repeat(CorrelationId.MAX_LENGTH + 1);
    event.getHeaders().put(CorrelationId.HEADER, tooLong);

    assertThat(call(event).getHeaders().get(CorrelationId.HEADER)).isNotEqualTo(tooLong);
  }

  @Test
  void aMissingCorrelationIdIsGeneratedAndCarriedToTheWorkflow() {
    APIGatewayV2HTTPEvent event = ApiEvents.load("create-plan.json");
    event.getHeaders().remove(CorrelationId.HEADER);

    APIGatewayV2HTTPResponse response = call(event);

    String id = response.getHeaders().get(CorrelationId.HEADER);
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(body(response).path("correlationId").asText()).isEqualTo(id);
    assertThat(bus.sent().get(0).origin().correlationId()).isEqualTo(id);
  }

  @Test
  void anUnexpectedFailureIsA500WithoutInternals() {
    plans.breakWith(new IllegalStateException("secret internal detail"));

    JsonNode problem = problem(call(ApiEvents.load("create-plan.json")), 500, "internal-error");

    assertThat(problem.toString()).doesNotContain("secret").doesNotContain("IllegalState");
  }

  @Test
  void anAwsDependencyThatDoesNotAnswerIsA503() {
    plans.breakWith(SdkClientException.create("Unable to execute HTTP request: refused"));

    JsonNode problem =
        problem(call(ApiEvents.load("create-plan.json")), 503, "service-unavailable");

    assertThat(problem.toString()).doesNotContain("refused");
  }

  @Test
  void aClientThatAcceptsOnlyHtmlIsNotServed() {
    APIGatewayV2HTTPEvent event = health();
    event.getHeaders().put("accept", "text/html");

    problem(call(event), 406, "not-acceptable");
  }
}
