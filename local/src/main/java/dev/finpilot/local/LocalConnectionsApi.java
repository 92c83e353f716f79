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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** {@code [/stage]/@connections/{id}}: the stage is optional, as clients differ in sending it. */
  private static final Pattern CONNECTION = Pattern.compile("(?:/[^/]+)?/@connections/([^/]+)");

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

  private static void serve(LocalConnections connections, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      Matcher path = CONNECTION.matcher(exchange.getRequestURI().getRawPath());
      if (!path.matches()) {
        answer(exchange, 404, "NotFoundException", "{\"message\":\"Not Found\"}");
        return;
      }
      String id = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
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
