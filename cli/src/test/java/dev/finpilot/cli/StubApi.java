package dev.finpilot.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the HTTP API in unit tests: answers each "METHOD path" with a fixed status and
 * body, and records every request with its authorization header.
 */
final class StubApi implements AutoCloseable {
  /** One request as it arrived. */
  record Request(String method, String path, String authorization, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  StubApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code route} ("GET /v1/plans") so; answers queued for a route are used in turn. */
  StubApi answer(String route, int status, String body) {
    answers.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(new Answer(status, body));
    return this;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              exchange.getRequestHeaders().getFirst("authorization"),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      List<Answer> queued = answers.get(route);
      Answer answer =
          queued == null || queued.isEmpty()
              ? new Answer(404, "{\"title\":\"Not found\",\"status\":404}")
              : queued.size() > 1 ? queued.remove(0) : queued.get(0);
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.getResponseHeaders().add("x-correlation-id", "stub-correlation");
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
