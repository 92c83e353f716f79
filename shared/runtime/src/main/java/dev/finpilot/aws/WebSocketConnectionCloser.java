package dev.finpilot.aws;

import dev.finpilot.auth.LiveConnections;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Closes WebSocket connections through API Gateway's management API ({@code DELETE
 * @connections/{id}}), the way {@link WebSocketPlanNotifier} posts to them, and forgets them. A
 * connection that cannot be closed is forgotten all the same: the workflow pushes only to recorded
 * connections, so it receives nothing more.
 */
public final class WebSocketConnectionCloser implements LiveConnections {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnectionCloser.class);

  private final WebSocketConnections connections;
  private final ApiGatewayManagementApiClient api;

  public WebSocketConnectionCloser(
      WebSocketConnections connections, ApiGatewayManagementApiClient api) {
    this.connections = connections;
    this.api = api;
  }

  public static WebSocketConnectionCloser fromEnvironment(
      FunctionEnvironment env, DynamoDbClient dynamo, Clock clock) {
    return new WebSocketConnectionCloser(
        WebSocketConnections.fromEnvironment(env, dynamo, clock),
        WebSocketPlanNotifier.managementClient(
            env.require(WebSocketPlanNotifier.ENDPOINT_VARIABLE)));
  }

  @Override
  public int closeAll(String userId) {
    return close(userId, c -> true);
  }

  @Override
  public int closeSession(String userId, String sessionId) {
    return close(userId, c -> c.sessionId() == null || c.sessionId().equals(sessionId));
  }

  private int close(String userId, Predicate<WebSocketConnections.Connection> which) {
    List<WebSocketConnections.Connection> closing =
        connections.allOf(userId).stream().filter(which).toList();
    for (WebSocketConnections.Connection connection : closing) {
      String connectionId = connection.connectionId();
      try {
        api.deleteConnection(r -> r.connectionId(connectionId));
      } catch (GoneException e) {
        LOG.debug("connection {} of user {} was already closed", connectionId, userId);
      } catch (SdkException e) {
        LOG.warn("could not close connection {} of user {}", connectionId, userId, e);
      }
      connections.remove(userId, connectionId);
    }
    return closing.size();
  }
}
