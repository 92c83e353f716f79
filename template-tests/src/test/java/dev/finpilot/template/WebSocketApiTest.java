package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket API for live updates: {@code $connect} and {@code $disconnect} run the realtime
 * function behind its alias, only API Gateway may invoke it and only on those routes, and only the
 * workflow may post to connections.
 */
class WebSocketApiTest {

  private static final String API = "WebSocketApi";
  private static final String ALIAS = "${RealtimeFunction.Alias}";

  private final SamTemplate template = Project.template();

  @Test
  void theApiIsAWebSocketApiDeployedAutomaticallyToTheStage() {
    Map<String, Object> api = template.properties(API);
    assertThat(template.type(API)).isEqualTo("AWS::ApiGatewayV2::Api");
    assertThat(api.get("ProtocolType")).isEqualTo("WEBSOCKET");
    assertThat(api.get("RouteSelectionExpression")).isEqualTo("$request.body.action");

    List<String> stages = template.logicalIds("AWS::ApiGatewayV2::Stage");
    assertThat(stages).hasSize(1);
    Map<String, Object> stage = template.properties(stages.get(0));
    assertThat(References.isRef(stage.get("ApiId"), API)).isTrue();
    assertThat(References.isRef(stage.get("StageName"), "Stage")).isTrue();
    assertThat(stage.get("AutoDeploy")).isEqualTo("true");
  }

  @Test
  void connectAndDisconnectProxyToTheRealtimeFunctionAlias() {
    List<String> routes = template.logicalIds("AWS::ApiGatewayV2::Route");

    assertThat(routes)
        .extracting(id -> template.properties(id).get("RouteKey"))
        .containsExactlyInAnyOrder("$connect", "$disconnect");
    for (String route : routes) {
      Map<String, Object> p = template.properties(route);
      assertThat(References.isRef(p.get("ApiId"), API)).as(route).isTrue();
      String integration =
          String.valueOf(Nodes.map(p.get("Target")).get("Fn::Sub"))
              .replaceFirst("^integrations/\\$\\{(.+)}$", "$1");
      Map<String, Object> target = template.properties(integration);
      assertThat(target.get("IntegrationType")).as(route).isEqualTo("AWS_PROXY");
      assertThat(String.valueOf(Nodes.map(target.get("IntegrationUri")).get("Fn::Sub")))
          .as(route)
          .contains("/functions/" + ALIAS + "/invocations");
    }
  }

  @Test
  void apiGatewayMayInvokeTheAliasOnlyForTheTwoRoutes() {
    List<String> permissions = template.logicalIds("AWS::Lambda::Permission");

    assertThat(permissions)
        .extracting(id -> String.valueOf(Nodes.map(template.properties(id).get("SourceArn"))))
        .containsExactlyInAnyOrder(
            "{Fn::Sub=arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                + "${WebSocketApi}/*/$connect}",
            "{Fn::Sub=arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                + "${WebSocketApi}/*/$disconnect}");
    for (String id : permissions) {
      Map<String, Object> p = template.properties(id);
      assertThat(p.get("FunctionName")).isEqualTo(Map.of("Ref", "RealtimeFunction.Alias"));
      assertThat(p.get("Principal")).isEqualTo("apigateway.amazonaws.com");
    }
  }

  @Test
  void onlyTheFunctionsThatMovePlansPushToConnectionsAndOnlyOnThisApisStage() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      List<Object> grants =
          Nodes.list(template.properties(function).getOrDefault("Policies", List.of())).stream()
              .flatMap(
                  policy ->
                      Nodes.list(Nodes.map(policy).getOrDefault("Statement", List.of())).stream())
              .filter(s -> "execute-api:ManageConnections".equals(Nodes.map(s).get("Action")))
              .map(s -> Nodes.map(s).get("Resource"))
              .toList();
      Map<String, String> post = onThisStage("POST");
      // The workflow pushes its transitions; the API the cancellations it makes, and it closes
      // the connections of sessions that end (logout, password change, erasure).
      Object expected =
          switch (function) {
            case "WorkflowFunction" -> List.of(post);
            case "ApiFunction" -> List.of(List.of(post, onThisStage("DELETE")));
            default -> List.of();
          };
      assertThat(grants).as(function).isEqualTo(expected);
    }
  }

  private static Map<String, String> onThisStage(String method) {
    return Map.of(
        "Fn::Sub",
        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
            + "${WebSocketApi}/${Stage}/"
            + method
            + "/@connections/*");
  }

  @Test
  void theWorkflowAndTheRealtimeFunctionShareTheConnectionsTable() {
    for (String function : List.of("WorkflowFunction", "RealtimeFunction")) {
      assertThat(
              References.isRef(
                  template.environment(function).get("CONNECTIONS_TABLE"), "ConnectionsTable"))
          .as(function)
          .isTrue();
    }
    assertThat(template.environment("WorkflowFunction").get("WEBSOCKET_ENDPOINT"))
        .isEqualTo(
            Map.of(
                "Fn::Sub",
                "https://${WebSocketApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
    assertThat(template.section("Outputs")).containsKey("WebSocketUrl");
  }
}
