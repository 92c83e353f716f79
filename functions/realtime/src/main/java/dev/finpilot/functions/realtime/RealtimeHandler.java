package dev.finpilot.functions.realtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.finpilot.auth.AccessToken;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.auth.BearerToken;
import dev.finpilot.auth.TokenRejectedException;
import dev.finpilot.aws.AwsAuthenticator;
import dev.finpilot.aws.AwsClients;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import dev.finpilot.aws.WebSocketConnections;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The WebSocket API's {@code $connect} and {@code $disconnect} routes. A connection is accepted
 * only with an access token that the {@link Authenticator} accepts (as the HTTP API's authorizer
 * does: signature, claims, an existing account and a live session) and is then recorded as its
 * user's, so the workflow can push that user's plan events to it; a refused {@code $connect}
 * answers 401 and API Gateway closes the connection before it opens.
 *
 * <p>Browsers cannot set headers on a WebSocket handshake, so the token is read from the query
 * string ({@code ?token=...}) first and from an {@code Authorization: Bearer} header otherwise. As
 * in the HTTP API's authorizer, the reason for a refusal goes to the audit log, never to the
 * client, and a failure to read the signing key or the users table propagates (API Gateway answers
 * 500 and nothing connects unchecked).
 */
public final class RealtimeHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  static final String TOKEN_PARAMETER = "token";

  private static final Logger LOG = LoggerFactory.getLogger(RealtimeHandler.class);

  private final Authenticator authenticator;
  private final WebSocketConnections connections;
  private final AuditLog audit;

  // Held for as long as the handler lives: the CRaC context holds its resources weakly.
  @SuppressWarnings("unused")
  private final Priming priming;

  /** Lambda's entry point: configuration from the process environment. */
  public RealtimeHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  /**
   * Keys from {@code JWT_SIGNING_KEY_SECRET_ARN}, sessions in {@code USERS_TABLE}, connections in
   * {@code CONNECTIONS_TABLE}.
   */
  public RealtimeHandler(FunctionEnvironment env) {
    this(
        AwsAuthenticator.fromEnvironment(env),
        WebSocketConnections.fromEnvironment(env, AwsClients.dynamoDb(), Clock.systemUTC()),
        AuditLog.toLogger());
  }

  public RealtimeHandler(
      Authenticator authenticator, WebSocketConnections connections, AuditLog audit) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.priming = Priming.register("realtime", priming(authenticator));
  }

  /** Before a SnapStart snapshot: a connection's token checked and refused, nothing stored. */
  static List<Runnable> priming(Authenticator authenticator) {
    return List.of(Priming.tokenCheck(authenticator));
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> route(event));
  }

  private APIGatewayV2WebSocketResponse route(APIGatewayV2WebSocketEvent event) {
    String connectionId = event.getRequestContext().getConnectionId();
    return switch (event.getRequestContext().getRouteKey()) {
      case "$connect" -> connect(event, connectionId);
      case "$disconnect" -> disconnect(connectionId);
      default -> status(400);
    };
  }

  private APIGatewayV2WebSocketResponse connect(
      APIGatewayV2WebSocketEvent event, String connectionId) {
    Optional<String> token = token(event);
    if (token.isEmpty()) {
      return refused(connectionId, null, "NO_BEARER_TOKEN");
    }
    AccessToken verified;
    try {
      verified = authenticator.authenticate(token.get());
    } catch (TokenRejectedException e) {
      return refused(connectionId, e.userId(), e.reason().name());
    }
    connections.open(verified.userId(), verified.sessionId(), connectionId);
    LOG.info("connection {} opened for user {}", connectionId, verified.userId());
    return status(200);
  }

  /** The connection id correlates: API Gateway logs it with every frame of the connection. */
  private APIGatewayV2WebSocketResponse refused(String connectionId, String userId, String reason) {
    audit.record(AuditLog.Event.TOKEN_REFUSED, userId, connectionId, Map.of("reason", reason));
    return status(401);
  }

  private APIGatewayV2WebSocketResponse disconnect(String connectionId) {
    connections.close(connectionId);
    LOG.info("connection {} closed", connectionId);
    return status(200);
  }

  private static Optional<String> token(APIGatewayV2WebSocketEvent event) {
    Map<String, String> query = event.getQueryStringParameters();
    String fromQuery = query == null ? null : query.get(TOKEN_PARAMETER);
    if (fromQuery != null && !fromQuery.isBlank()) {
      return Optional.of(fromQuery);
    }
    return BearerToken.from(null, event.getHeaders());
  }

  private static APIGatewayV2WebSocketResponse status(int code) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(code);
    return response;
  }
}
