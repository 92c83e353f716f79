package dev.finpilot.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP API on localhost: each request becomes the API Gateway payload-2.0 event API Gateway
 * would build, and the function's response becomes the HTTP response. {@code GET /} redirects to
 * the API's documentation page.
 */
public final class HttpApiServer implements AutoCloseable {

  static final String DOCS = "/docs";

  private final HttpServer server;

  private HttpApiServer(HttpServer server) {
    this.server = server;
  }

  public static HttpApiServer start(StackRuntime runtime, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> serve(runtime, exchange));
    server.start();
    return new HttpApiServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(StackRuntime runtime, HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if ("GET".equals(method) && "/".equals(path)) {
        // Someone who opens the API's address in a browser lands on its documentation.
        exchange.getResponseHeaders().add("Location", DOCS);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      HttpApiEvents.Builder request =
          HttpApiEvents.request(method, query == null ? path : path + "?" + query)
              .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        request.header(header.getKey(), String.join(",", header.getValue()));
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body.length > 0) {
        String contentType = exchange.getRequestHeaders().getFirst("content-type");
        request.body(
            new String(body, StandardCharsets.UTF_8),
            contentType == null ? "application/octet-stream" : contentType);
      }
      APIGatewayV2HTTPResponse response = runtime.invoke(method, path, request);
      write(exchange, response);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response)
      throws IOException {
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    }
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? java.util.Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
