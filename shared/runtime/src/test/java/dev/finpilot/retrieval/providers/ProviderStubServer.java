package dev.finpilot.retrieval.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Alpha Vantage and Yahoo Finance on a free local port, answering what a test scripts: per Alpha
 * Vantage function and subject, or per Yahoo symbol, a sequence of {@link Answer}s (the last one
 * repeats), replaceable at any time. Every request is recorded. Unscripted requests answer 404 in
 * plain text, which both providers read as {@code UNAVAILABLE}.
 *
 * <pre>{@code
 * try (ProviderStubServer stub = ProviderStubServer.start()) {
 *   stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture("alpha-vantage/global-quote.json"));
 *   stub.yahoo("SPY", Answer.status(503), Answer.fixture("yahoo-finance/chart-spy-5d.json"));
 *   env.putAll(stub.environment());  // ALPHA_VANTAGE_URL and YAHOO_FINANCE_URL
 *   ...
 *   assertThat(stub.yahooCalls("SPY")).isEqualTo(2);
 * }
 * }</pre>
 */
public final class ProviderStubServer implements AutoCloseable {

  /** What a provider answers to one request. */
  public record Answer(int status, String contentType, String body, Duration delay) {

    /** How long a {@link #timeout()} answer keeps the client waiting, unless the server stops. */
    static final Duration HANG = Duration.ofMinutes(1);

    public static Answer ok(String json) {
      return new Answer(200, "application/json", json, Duration.ZERO);
    }

    /** A file under {@code providers/} on the test class path, with HTTP 200. */
    public static Answer fixture(String path) {
      return ok(ProviderFixtures.read(path));
    }

    /** A file under {@code providers/}, with {@code status}. */
    public static Answer fixture(int status, String path) {
      String contentType = path.endsWith(".json") ? "application/json" : "text/plain";
      return new Answer(status, contentType, ProviderFixtures.read(path), Duration.ZERO);
    }

    public static Answer status(int status) {
      return new Answer(status, "text/plain", "HTTP " + status, Duration.ZERO);
    }

    /** An answer that never comes in time: the server holds the request until it stops. */
    public static Answer timeout() {
      return ok("{}").after(HANG);
    }

    /** JSON cut off half way, as a dropped connection leaves it. */
    public static Answer malformed() {
      return ok("{\"chart\": {\"result\": [{\"meta\": {\"currency\": \"USD\", \"regularMar");
    }

    public Answer after(Duration wait) {
      return new Answer(status, contentType, body, wait);
    }
  }

  /** A request as the stub received it. */
  public record Request(String path, Map<String, String> query, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Map<String, List<Answer>> scripts = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private ProviderStubServer(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/query", this::alphaVantage);
    server.createContext("/v8/finance/chart/", this::yahoo);
    server.start();
  }

  /** A stub on a free port of the loopback interface, serving until {@link #close()}. */
  public static ProviderStubServer start() {
    try {
      return new ProviderStubServer(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUrl() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** The variables that point both providers at this stub. */
  public Map<String, String> environment() {
    return Map.of(
        ProviderConfig.ALPHA_VANTAGE_URL, baseUrl().toString(),
        ProviderConfig.YAHOO_FINANCE_URL, baseUrl().toString());
  }

  /**
   * Scripts Alpha Vantage's answers to {@code function}.
   *
   * @param subject the symbol, the maturity of TREASURY_YIELD ({@code 3month}, {@code 10year}), or
   *     {@code ""} for CPI
   */
  public void alphaVantage(String function, String subject, Answer... answers) {
    script(alphaVantageRoute(function, subject), answers);
  }

  /** Scripts Yahoo's chart answers for {@code symbol} ({@code ^TNX} and {@code ^IRX} for rates). */
  public void yahoo(String symbol, Answer... answers) {
    script(yahooRoute(symbol), answers);
  }

  public synchronized int alphaVantageCalls(String function, String subject) {
    return calls.getOrDefault(alphaVantageRoute(function, subject), 0);
  }

  public synchronized int yahooCalls(String symbol) {
    return calls.getOrDefault(yahooRoute(symbol), 0);
  }

  /** Every request so far, to either provider. */
  public int calls() {
    return requests.size();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the scripts and what was received. */
  public synchronized void reset() {
    scripts.clear();
    calls.clear();
    requests.clear();
  }

  @Override
  public void close() {
    stopping.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private synchronized void script(String route, Answer... answers) {
    if (answers.length == 0) {
      throw new IllegalArgumentException("script at least one answer for " + route);
    }
    scripts.put(route, new ArrayList<>(List.of(answers)));
  }

  private void alphaVantage(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    String function = query.getOrDefault("function", "");
    String subject = query.getOrDefault("symbol", query.getOrDefault("maturity", ""));
    answer(exchange, alphaVantageRoute(function, subject), query);
  }

  private void yahoo(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String symbol = path.substring(path.lastIndexOf('/') + 1);
    answer(exchange, yahooRoute(symbol), query(exchange.getRequestURI()));
  }

  private void answer(HttpExchange exchange, String route, Map<String, String> query)
      throws IOException {
    requests.add(
        new Request(
            exchange.getRequestURI().getPath(),
            query,
            exchange.getRequestHeaders().getFirst("User-Agent")));
    Answer answer = next(route);
    try (exchange) {
      if (!answer.delay().isZero() && awaitStop(answer.delay())) {
        return;
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private synchronized Answer next(String route) {
    calls.merge(route, 1, Integer::sum);
    List<Answer> script = scripts.get(route);
    if (script == null) {
      return new Answer(404, "text/plain", "no answer scripted for " + route, Duration.ZERO);
    }
    return script.size() > 1 ? script.remove(0) : script.get(0);
  }

  /** Whether the server stopped while the answer was held back. */
  private boolean awaitStop(Duration delay) {
    try {
      return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static String alphaVantageRoute(String function, String subject) {
    return AlphaVantageProvider.NAME + " " + function + " " + subject;
  }

  private static String yahooRoute(String symbol) {
    return YahooFinanceProvider.NAME + " " + symbol;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
