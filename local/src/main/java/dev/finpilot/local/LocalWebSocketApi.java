package dev.finpilot.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket API on localhost, as API Gateway runs it: each handshake invokes the {@code
 * $connect} route's function with the event API Gateway would send (query string, headers, a new
 * connection id) and is refused unless the function answers 200; each close invokes {@code
 * $disconnect}. Messages to clients come from the functions through the management API ({@link
 * LocalConnectionsApi}); a message from a client matches no route, so, as API Gateway does, it is
 * answered with {@code Forbidden}.
 */
final class LocalWebSocketApi extends WebSocketServer {

  static final String STAGE = "local";
  private static final Duration START_DEADLINE = Duration.ofSeconds(10);
  private static final int STOP_MILLIS = 2000;

  private final StackRuntime runtime;
  private final LocalConnections connections;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;

  private LocalWebSocketApi(
      StackRuntime runtime, LocalConnections connections, InetSocketAddress address) {
    super(address);
    this.runtime = runtime;
    this.connections = connections;
    setReuseAddr(true);
    setDaemon(true);
  }

  /** Listens on 127.0.0.1:{@code port} (0 for any free port) once this returns. */
  static LocalWebSocketApi start(StackRuntime runtime, LocalConnections connections, int port)
      throws IOException {
    LocalWebSocketApi api =
        new LocalWebSocketApi(runtime, connections, new InetSocketAddress("127.0.0.1", port));
    api.start();
    try {
      if (!api.started.await(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("the WebSocket API did not start on port " + port);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the WebSocket API", e);
    }
    if (api.startFailure != null) {
      throw new IOException("the WebSocket API cannot listen on port " + port, api.startFailure);
    }
    return api;
  }

  /** The URL clients connect to, without the {@code ?token=} they add. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/");
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket socket, Draft draft, ClientHandshake request) throws InvalidDataException {
    ServerHandshakeBuilder response =
        super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
    String connectionId = connections.newId();
    Instant now = Instant.now();
    APIGatewayV2WebSocketEvent event =
        event("$connect", "CONNECT", connectionId, now, socket, headers(request));
    event.setQueryStringParameters(query(request.getResourceDescriptor()));
    int status;
    try {
      status =
          runtime
              .invokeWebSocket(event)
              .map(APIGatewayV2WebSocketResponse::getStatusCode)
              .orElse(200);
    } catch (RuntimeException e) {
      // API Gateway answers 500 when the function fails; nothing connects unchecked.
      System.err.println("$connect failed for connection " + connectionId + ": " + e);
      status = 500;
    }
    if (status < 200 || status > 299) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused: " + status);
    }
    socket.setAttachment(connectionId);
    connections.opened(
        connectionId,
        new LocalConnections.Connection(
            socket, now, sourceIp(socket), request.getFieldValue("User-Agent")));
    return response;
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    // Recorded at the handshake, where $connect accepted it.
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    String connectionId = socket.getAttachment();
    if (connectionId != null && connections.closed(connectionId)) {
      try {
        runtime.invokeWebSocket(
            event("$disconnect", "DISCONNECT", connectionId, Instant.now(), socket, Map.of()));
      } catch (RuntimeException e) {
        // The connection is gone either way; its record expires by TTL.
        System.err.println("$disconnect failed for connection " + connectionId + ": " + e);
      }
    }
  }

  @Override
  public void onMessage(WebSocket socket, String message) {
    Map<String, Object> forbidden = new LinkedHashMap<>();
    forbidden.put("message", "Forbidden");
    forbidden.put("connectionId", socket.getAttachment());
    forbidden.put("requestId", UUID.randomUUID().toString());
    socket.send(Json.write(forbidden));
  }

  @Override
  public void onError(WebSocket socket, Exception e) {
    if (socket == null) {
      startFailure = e;
      started.countDown();
    } else {
      System.err.println("WebSocket connection " + socket.getAttachment() + ": " + e);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  /** Closes every connection (each one's {@code $disconnect} runs) and stops listening. */
  void close() {
    try {
      stop(STOP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private APIGatewayV2WebSocketEvent event(
      String routeKey,
      String eventType,
      String connectionId,
      Instant at,
      WebSocket socket,
      Map<String, String> headers) {
    RequestIdentity identity = new RequestIdentity();
    identity.setSourceIp(sourceIp(socket));
    identity.setUserAgent(headers.get("User-Agent"));
    RequestContext context = new RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setConnectionId(connectionId);
    context.setStage(STAGE);
    context.setDomainName("127.0.0.1");
    context.setApiId("local");
    context.setRequestId(UUID.randomUUID().toString());
    context.setExtendedRequestId(context.getRequestId());
    context.setMessageDirection("IN");
    context.setRequestTimeEpoch(at.toEpochMilli());
    context.setConnectedAt(
        connections.get(connectionId).map(c -> c.connectedAt()).orElse(at).toEpochMilli());
    context.setIdentity(identity);
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setHeaders(headers.isEmpty() ? null : headers);
    event.setIsBase64Encoded(false);
    return event;
  }

  private static Map<String, String> headers(ClientHandshake request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      headers.put(name, request.getFieldValue(name));
    }
    return headers;
  }

  /** The query string's parameters, decoded; null without any, as API Gateway sends it. */
  static Map<String, String> query(String resourceDescriptor) {
    String raw = URI.create(resourceDescriptor).getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      String[] nameValue = pair.split("=", 2);
      parameters.put(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
    }
    return parameters;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static String sourceIp(WebSocket socket) {
    InetSocketAddress remote = socket.getRemoteSocketAddress();
    return remote == null
        ? "127.0.0.1"
        : remote.getAddress().getHostAddress().toLowerCase(Locale.ROOT);
  }
}
