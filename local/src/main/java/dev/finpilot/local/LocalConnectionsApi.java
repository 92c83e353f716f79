package dev.finpilot.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * API Gateway's management API for the local WebSocket API's connections, on a loopback port of its
 * own: {@code POST @connections/{id}} sends the body to the client, {@code DELETE} closes the
 * connection, {@code GET} describes it; a connection that is not open answers 410 {@code
 * GoneException} as API Gateway does. The functions reach it through the SDK's endpoint setting for
 * the service, the same client code as in AWS.
 */
final class LocalConnectionsApi implements AutoCloseable {

  /** The SDK's system property for the service's endpoint, read when a client is built. */
  static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";

  private static final String CONNECTIONS = "/@connections/";

  private final HttpServer server;

  private LocalConnectionsApi(HttpServer server) {
    this.server = server;
  }

  static LocalConnectionsApi start(LocalConnections connections) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> serve(connections, exchange));
    server.start();
    return new LocalConnectionsApi(server);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The id in {@code [/stage]/@connections/{id}}: the stage is optional, as clients differ in
   * sending it.
   */
  static Optional<String> connectionId(String rawPath) {
    int at = rawPath.indexOf(CONNECTIONS);
    if (at < 0) {
      return Optional.empty();
    }
    String stage = rawPath.substring(0, at);
    String id = rawPath.substring(at + CONNECTIONS.length());
    boolean oneStage = stage.isEmpty() || (stage.startsWith("/") && stage.indexOf('/', 1) < 0);
    return oneStage && !id.isEmpty() && id.indexOf('/') < 0 ? Optional.of(id) : Optional.empty();
  }

  private static void serve(LocalConnections connections, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      Optional<String> rawId = connectionId(exchange.getRequestURI().getRawPath());
      if (rawId.isEmpty()) {
        answer(exchange, 404, "NotFoundException", "{\"message\":\"Not Found\"}");
        return;
      }
      String id = URLDecoder.decode(rawId.get(), StandardCharsets.UTF_8);
      Optional<LocalConnections.Connection> connection = connections.get(id);
      if (connection.isEmpty() || !connection.get().socket().isOpen()) {
        answer(exchange, 410, "GoneException", "{\"message\":null}");
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "POST" -> post(exchange, connection.get());
        case "DELETE" -> {
          connection.get().socket().close();
          answer(exchange, 204, null, "");
        }
        case "GET" -> answer(exchange, 200, null, describe(connection.get()));
        default -> answer(exchange, 405, "BadRequestException", "{\"message\":\"Method\"}");
      }
    }
  }

  private static void post(HttpExchange exchange, LocalConnections.Connection connection)
      throws IOException {
    byte[] data = exchange.getRequestBody().readAllBytes();
    try {
      connection.socket().send(new String(data, StandardCharsets.UTF_8));
      answer(exchange, 200, null, "");
    } catch (WebsocketNotConnectedException closing) {
      answer(exchange, 410, "GoneException", "{\"message\":null}");
    }
  }

  private static String describe(LocalConnections.Connection connection) {
    Map<String, String> identity = new LinkedHashMap<>();
    identity.put("sourceIp", connection.sourceIp());
    identity.put("userAgent", connection.userAgent());
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("connectedAt", connection.connectedAt().truncatedTo(ChronoUnit.MILLIS));
    description.put("identity", identity);
    description.put("lastActiveAt", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    return Json.write(description);
  }

  private static void answer(HttpExchange exchange, int status, String errorType, String body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
