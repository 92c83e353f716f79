package dev.finpilot.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server standing in for API Gateway's management API ({@code POST /@connections/{id}}
 * and {@code DELETE /@connections/{id}}), which no emulator here offers: it records what each live
 * connection receives and which connections were closed, answers 410 Gone for the connections it is
 * told are closed and 500 for those it is told are failing.
 */
public final class ManagementApiStandIn implements AutoCloseable {

  private static final String PATH = "/@connections/";

  private final HttpServer server;
  private final Set<String> gone;
  private final Set<String> failing;
  private final Map<String, List<String>> received = new ConcurrentHashMap<>();
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  private ManagementApiStandIn(HttpServer server, Set<String> gone, Set<String> failing) {
    this.server = server;
    this.gone = Set.copyOf(gone);
    this.failing = Set.copyOf(failing);
  }

  /** Starts on a free loopback port. */
  public static ManagementApiStandIn start(Set<String> gone, Set<String> failing) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ManagementApiStandIn standIn = new ManagementApiStandIn(server, gone, failing);
      server.createContext(PATH, standIn::postToConnection);
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The bodies each connection received, in order, by connection id. */
  public Map<String, List<String>> received() {
    return received;
  }

  /** The connections closed through the stand-in. */
  public Set<String> closed() {
    return closed;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void postToConnection(HttpExchange exchange) throws IOException {
    String connectionId = exchange.getRequestURI().getPath().substring(PATH.length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (exchange.getRequestMethod().equals("DELETE") && !gone.contains(connectionId)) {
      closed.add(connectionId);
      reply(exchange, 204, null);
    } else if (!exchange.getRequestMethod().equals("POST") || gone.contains(connectionId)) {
      reply(exchange, 410, "GoneException");
    } else if (failing.contains(connectionId)) {
      reply(exchange, 500, "InternalServerErrorException");
    } else {
      received.computeIfAbsent(connectionId, id -> new CopyOnWriteArrayList<>()).add(body);
      reply(exchange, 200, null);
    }
  }

  private static void reply(HttpExchange exchange, int status, String errorType)
      throws IOException {
    byte[] body =
        (errorType == null ? "" : "{\"message\":\"" + errorType + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
