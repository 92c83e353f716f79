package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.functions.api.limits.RateLimiter;
import jakarta.inject.Singleton;

/**
 * The first line of every authenticated route: who is calling (only from the authorizer's context),
 * and whether they still have requests left under the route's rate-limit policy.
 */
@Singleton
final class Gate {
  private final RateLimiter limiter;

  Gate(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /** The caller's user id, after taking one request from their bucket for {@code policy}. */
  String enter(APIGatewayV2HTTPEvent event, RateLimitPolicy policy) {
    String userId = Caller.require(event);
    RateLimiter.Admission decision = limiter.take(userId, policy);
    if (!decision.allowed()) {
      throw ProblemException.retryLater(
          ProblemType.TOO_MANY_REQUESTS,
          "rate limit reached for "
              + policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " requests ("
              + policy.capacity()
              + " at once, then one every "
              + policy.refillEvery().toSeconds()
              + " s); retry after the time in Retry-After",
          decision.retryAfter());
    }
    return userId;
  }
}
