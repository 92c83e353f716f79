package dev.finpilot.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiAuthorizerTest {
  private final List<APIGatewayV2CustomAuthorizerEvent> calls = new ArrayList<>();
  private Instant now = Instant.parse("2026-03-02T14:05:07Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  private HttpApiAuthorizer authorizer(Duration ttl) {
    return new HttpApiAuthorizer(
        (event, context) -> {
          calls.add(event);
          String token = event.getIdentitySource().get(0);
          if (token.equals("Bearer boom")) {
            throw new IllegalStateException("authorizer crashed");
          }
          return token.equals("Bearer good")
              ? new SimpleIAMPolicyResponse(true, Map.of("userId", "user-1"))
              : new SimpleIAMPolicyResponse(false, Map.of());
        },
        List.of("Authorization"),
        ttl,
        clock);
  }

  private static APIGatewayV2HTTPEvent request(String authorization) {
    HttpApiEvents.Builder b = HttpApiEvents.get("/v1/plans/p-1?x=1").route("GET /v1/plans/{id}");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  @Test
  void withoutTheIdentityHeaderTheAnswerIs401AndTheAuthorizerIsNotCalled() {
    HttpApiAuthorizer.Decision d = authorizer(Duration.ZERO).authorize(request(null), null);

    assertThat(d).isInstanceOf(HttpApiAuthorizer.Decision.Refused.class);
    assertThat(((HttpApiAuthorizer.Decision.Refused) d).response().getStatusCode()).isEqualTo(401);
    assertThat(((HttpApiAuthorizer.Decision.Refused) d).response().getBody())
        .isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(calls).isEmpty();
  }

  @Test
  void aRefusalIs403AndAFailureIs500() {
    HttpApiAuthorizer a = authorizer(Duration.ZERO);

    assertThat(
            ((HttpApiAuthorizer.Decision.Refused) a.authorize(request("Bearer bad"), null))
                .response()
                .getStatusCode())
        .isEqualTo(403);
    assertThat(
            ((HttpApiAuthorizer.Decision.Refused) a.authorize(request("Bearer boom"), null))
                .response()
                .getStatusCode())
        .isEqualTo(500);
  }

  @Test
  void anAllowedRequestCarriesTheContextAndTheAuthorizerSawTheRequest() {
    HttpApiAuthorizer.Decision d =
        authorizer(Duration.ZERO).authorize(request("Bearer good"), null);

    APIGatewayV2HTTPEvent event = ((HttpApiAuthorizer.Decision.Allowed) d).event();
    assertThat(event.getRequestContext().getAuthorizer().getLambda())
        .containsEntry("userId", "user-1");
    APIGatewayV2CustomAuthorizerEvent seen = calls.get(0);
    assertThat(seen.getVersion()).isEqualTo("2.0");
    assertThat(seen.getType()).isEqualTo("REQUEST");
    assertThat(seen.getIdentitySource()).containsExactly("Bearer good");
    assertThat(seen.getRouteKey()).isEqualTo("GET /v1/plans/{id}");
    assertThat(seen.getRawPath()).isEqualTo("/v1/plans/p-1");
    assertThat(seen.getPathParameters()).containsEntry("id", "p-1");
    assertThat(seen.getRouteArn()).endsWith("/$default/GET/v1/plans/p-1").contains(":us-east-1:");
  }

  @Test
  void answersAreCachedPerTokenForTheTtl() {
    HttpApiAuthorizer a = authorizer(Duration.ofSeconds(300));

    a.authorize(request("Bearer good"), null);
    a.authorize(request("Bearer good"), null);
    a.authorize(request("Bearer bad"), null);
    assertThat(calls).hasSize(2);

    now = now.plusSeconds(300);
    a.authorize(request("Bearer good"), null);
    assertThat(calls).hasSize(3);
  }
}
