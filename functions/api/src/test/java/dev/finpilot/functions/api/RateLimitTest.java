package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-user token buckets: exhaustion answers 429 with Retry-After, and buckets refill. */
class RateLimitTest extends HandlerHarness {

  APIGatewayV2HTTPResponse createPlan(String user) {
    return post(user, "/v1/plans", samplePlanBody());
  }

  @Test
  void planCreationIsLimitedToABurstOfFiveThenOneAMinute() {
    for (int i = 0; i < RateLimitPolicy.PLAN_CREATION.capacity(); i++) {
      assertThat(createPlan(USER).getStatusCode()).isEqualTo(202);
    }

    APIGatewayV2HTTPResponse limited = createPlan(USER);

    JsonNode problem = problem(limited, 429, "too-many-requests");
    assertThat(problem.path("detail").asText()).contains("plan creation");
    assertThat(limited.getHeaders()).containsEntry("Retry-After", "60");
    assertThat(bus.sent()).hasSize(RateLimitPolicy.PLAN_CREATION.capacity());

    clock.advance(Duration.ofSeconds(59));
    problem(createPlan(USER), 429, "too-many-requests");
    clock.advance(Duration.ofSeconds(1));
    assertThat(createPlan(USER).getStatusCode()).isEqualTo(202);
    problem(createPlan(USER), 429, "too-many-requests");
  }

  @Test
  void readsHaveTheirOwnLargerBucket() {
    for (int i = 0; i < RateLimitPolicy.PLAN_CREATION.capacity(); i++) {
      createPlan(USER);
    }
    problem(createPlan(USER), 429, "too-many-requests");

    for (int i = 0; i < RateLimitPolicy.READ.capacity(); i++) {
      assertThat(get(USER, "/v1/plans").getStatusCode()).isEqualTo(200);
    }
    APIGatewayV2HTTPResponse limited = get(USER, "/v1/plans");
    problem(limited, 429, "too-many-requests");
    assertThat(limited.getHeaders()).containsEntry("Retry-After", "1");

    clock.advance(Duration.ofSeconds(1));
    assertThat(get(USER, "/v1/plans").getStatusCode()).isEqualTo(200);
  }

  @Test
  void oneUsersExhaustedBucketDoesNotLimitAnother() {
    for (int i = 0; i <= RateLimitPolicy.PLAN_CREATION.capacity(); i++) {
      createPlan(USER);
    }

    account("another-user");
    assertThat(createPlan("another-user").getStatusCode()).isEqualTo(202);
  }
}
