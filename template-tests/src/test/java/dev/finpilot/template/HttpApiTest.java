package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API: the minimal routes, payload 2.0, throttling, CORS without wildcards, access logs.
 */
class HttpApiTest {

  private final SamTemplate template = Project.template();

  @Test
  void apiFunctionServesItsRoutesWithPayloadFormat2() {
    Map<String, Map<String, Object>> events = template.events("ApiFunction", "HttpApi");

    assertThat(events.values())
        .extracting(e -> e.get("Method") + " " + e.get("Path"))
        .contains("POST /v1/plans", "GET /v1/plans/{planId}", "GET /health")
        .containsAll(Contract.PUBLIC_ROUTES)
        .doesNotHaveDuplicates();
    for (Map<String, Object> event : events.values()) {
      assertThat(References.isRef(event.get("ApiId"), "HttpApi")).as("%s", event).isTrue();
      assertThat(event.get("PayloadFormatVersion")).isEqualTo("2.0");
      // API Gateway must not give up before the function does, nor wait on a dead one.
      assertThat(Nodes.integer(event.get("TimeoutInMillis")))
          .isLessThanOrEqualTo(template.functionTimeout("ApiFunction") * 1000);
    }
  }

  @Test
  void theAccessTokenAuthorizerGuardsEveryRouteButThePublicOnes() {
    Map<String, Object> auth = Nodes.mapAt(template.properties("HttpApi"), "Auth");
    assertThat(auth.get("DefaultAuthorizer")).isEqualTo("AccessTokenAuthorizer");
    Map<String, Object> authorizer =
        Nodes.mapAt(Nodes.mapAt(auth, "Authorizers"), "AccessTokenAuthorizer");
    assertThat(authorizer.get("FunctionArn"))
        .as("the authorizer runs behind its alias, so SnapStart applies")
        .isEqualTo(Map.of("Ref", "AuthorizerFunction.Alias"));
    assertThat(authorizer.get("AuthorizerPayloadFormatVersion")).isEqualTo("2.0");
    assertThat(authorizer.get("EnableSimpleResponses")).isEqualTo("true");
    assertThat(Nodes.at(authorizer, "Identity", "Headers")).contains(List.of("Authorization"));
    assertThat(Nodes.integer(Nodes.at(authorizer, "Identity", "ReauthorizeEvery").orElseThrow()))
        .as(
            "API Gateway caches no answer (it could outlive the token or its session); the"
                + " authorizer remembers a session check for at most a minute")
        .isZero();

    for (Map<String, Object> event : template.events("ApiFunction", "HttpApi").values()) {
      String route = event.get("Method") + " " + event.get("Path");
      Object override = Nodes.at(event, "Auth", "Authorizer").orElse(null);
      assertThat(override)
          .as(route)
          .isEqualTo(Contract.PUBLIC_ROUTES.contains(route) ? "NONE" : null);
    }
  }

  @Test
  void routesAreThrottled() {
    Map<String, Object> settings =
        Nodes.mapAt(template.properties("HttpApi"), "DefaultRouteSettings");

    for (String limit : List.of("ThrottlingBurstLimit", "ThrottlingRateLimit")) {
      for (Object perStage : template.findInMapValues(settings.get(limit))) {
        assertThat(Nodes.integer(perStage)).as(limit).isPositive();
      }
    }
  }

  @Test
  void corsAllowsConfiguredOriginsOnlyAndNoCredentials() {
    Map<String, Object> cors = Nodes.mapAt(template.properties("HttpApi"), "CorsConfiguration");

    assertThat(References.isRef(cors.get("AllowOrigins"), "AllowedCorsOrigins")).isTrue();
    Map<String, Object> parameter =
        Nodes.mapAt(template.section("Parameters"), "AllowedCorsOrigins");
    assertThat(parameter.get("Type")).isEqualTo("CommaDelimitedList");
    assertThat(String.valueOf(parameter.get("Default"))).doesNotContain("*");
    assertThat(cors.get("AllowCredentials")).isEqualTo("false");
    assertThat(Nodes.list(cors.get("AllowHeaders"))).contains("authorization", "x-correlation-id");
    assertThat(Nodes.list(cors.get("ExposeHeaders"))).contains("x-correlation-id");
  }

  @Test
  void accessLogsGoToALogGroupWithRetention() {
    Object destination =
        Nodes.at(template.properties("HttpApi"), "AccessLogSettings", "DestinationArn")
            .orElseThrow();
    String logGroup = References.target(destination).orElseThrow();

    assertThat(template.type(logGroup)).isEqualTo("AWS::Logs::LogGroup");
    assertThat(template.properties(logGroup)).containsKey("RetentionInDays");
  }

  @Test
  void stackOutputsTheApiUrlQueueUrlsAndTableNames() {
    Map<String, Object> outputs = template.section("Outputs");

    assertThat(outputs).containsKey("ApiUrl");
    for (Contract.Function f : Contract.queueConsumers()) {
      assertThat(outputs).containsKey(f.queue().orElseThrow() + "Url");
    }
    for (String table : Contract.TABLES) {
      assertThat(outputs).containsKey(table + "Name");
    }
  }
}
