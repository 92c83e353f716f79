package dev.finpilot.aws;

import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.workflow.PlanNotifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Pushes each plan transition to its owner's open WebSocket connections through API Gateway's
 * management API ({@code POST @connections/{id}}). A connection API Gateway reports gone (410) is
 * forgotten; any other failure to reach one connection is logged and the others still get the
 * message.
 */
public final class WebSocketPlanNotifier implements PlanNotifier {

  /** {@code https://{api}.execute-api.{region}.amazonaws.com/{stage}}, from the template. */
  public static final String ENDPOINT_VARIABLE = "WEBSOCKET_ENDPOINT";

  /** The SDK's service-specific endpoint settings; when one is set it wins over ours. */
  static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";

  static final String ENDPOINT_ENVIRONMENT = "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI";

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketPlanNotifier.class);

  private final WebSocketConnections connections;
  private final ApiGatewayManagementApiClient api;

  public WebSocketPlanNotifier(
      WebSocketConnections connections, ApiGatewayManagementApiClient api) {
    this.connections = connections;
    this.api = api;
  }

  public static WebSocketPlanNotifier fromEnvironment(
      FunctionEnvironment env, DynamoDbClient dynamo, Clock clock) {
    return new WebSocketPlanNotifier(
        WebSocketConnections.fromEnvironment(env, dynamo, clock),
        managementClient(env.require(ENDPOINT_VARIABLE)));
  }

  /**
   * A client for the stage's connections. The stage URL is only a default: a service-specific
   * endpoint setting (an emulator or a local fake in tests) is left to the SDK, which reads it.
   */
  static ApiGatewayManagementApiClient managementClient(String stageEndpoint) {
    ApiGatewayManagementApiClientBuilder builder =
        AwsClients.configured(ApiGatewayManagementApiClient.builder());
    if (!serviceEndpointConfigured()) {
      builder.endpointOverride(URI.create(stageEndpoint));
    }
    return builder.build();
  }

  static boolean serviceEndpointConfigured() {
    return isSet(System.getProperty(ENDPOINT_PROPERTY))
        || isSet(System.getenv(ENDPOINT_ENVIRONMENT));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public void planChanged(PlanRecord updated, PlanEvent event) {
    List<String> open = connections.openFor(updated.userId());
    if (open.isEmpty()) {
      return;
    }
    SdkBytes message = SdkBytes.fromUtf8String(Json.write(PlanStatusMessage.of(updated, event)));
    for (String connectionId : open) {
      push(updated.userId(), connectionId, message);
    }
  }

  private void push(String userId, String connectionId, SdkBytes message) {
    try {
      api.postToConnection(r -> r.connectionId(connectionId).data(message));
    } catch (GoneException e) {
      LOG.info("connection {} of user {} is gone; forgetting it", connectionId, userId);
      connections.remove(userId, connectionId);
    } catch (SdkException e) {
      LOG.warn("could not push to connection {} of user {}", connectionId, userId, e);
    }
  }

  /**
   * What a client receives: the plan's new status. {@code revision} grows with every transition, so
   * a client can drop a message older than what it has already shown. A version awaiting its
   * owner's decision has its own type, since it asks the client to act rather than only to show.
   */
  record PlanStatusMessage(
      String type,
      String planId,
      String status,
      int version,
      int activeVersion,
      long revision,
      String reason,
      String correlationId,
      Instant at) {

    static final String STATUS = "plan.status";
    static final String APPROVAL_REQUESTED = "plan.approval-requested";

    static PlanStatusMessage of(PlanRecord updated, PlanEvent event) {
      return new PlanStatusMessage(
          updated.status() == PlanStatus.AWAITING_APPROVAL ? APPROVAL_REQUESTED : STATUS,
          updated.planId(),
          updated.status().name(),
          updated.currentVersion(),
          updated.activeVersion(),
          updated.revision(),
          event.reason(),
          event.correlationId(),
          event.at());
    }
  }
}
