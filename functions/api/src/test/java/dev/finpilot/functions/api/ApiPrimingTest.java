package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API runs before a SnapStart snapshot: a real request through every layer, read-only. */
class ApiPrimingTest extends HandlerHarness {

  @Test
  void theHealthCheckGoesThroughRoutingAndTheProbeAndStoresNothing() {
    health =
        new HealthReport(Status.OK, Map.of("workflow", new QueueHealth(Status.OK, 2L, 0L, 0L)));

    APIGatewayV2HTTPResponse response = handler.healthCheck();

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(
            body(response).path("checks").path("queues").path("workflow").path("visible").asLong())
        .isEqualTo(2);
    assertThat(plans.applied()).isEmpty();
    assertThat(bus.sent()).isEmpty();
    assertThat(stores.limits.isEmpty()).as("no rate-limit bucket or attempt counted").isTrue();
  }
}
