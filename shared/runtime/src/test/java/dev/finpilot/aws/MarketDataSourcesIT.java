package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.messaging.Json;
import dev.finpilot.retrieval.ConcurrentReaders;
import dev.finpilot.retrieval.FakeProvider;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The market data a function builds from its template environment (the Alpha Vantage key from the
 * emulator's copy of the secret), on the emulator's table, with the providers pointed at a local
 * stub that answers in their formats. The tests share one table, so each reads symbols of its own.
 */
@WithAwsBackend
class MarketDataSourcesIT {

  private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

  private final Environment env;
  private final HttpServer stub;
  private final AtomicInteger alphaVantageCalls = new AtomicInteger();
  private final AtomicInteger yahooCalls = new AtomicInteger();
  private volatile boolean yahooDown;
  private volatile CountDownLatch alphaVantageHeld = new CountDownLatch(0);

  MarketDataSourcesIT(Environment env) throws IOException {
    this.env = env;
    this.stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/query", this::alphaVantage);
    stub.createContext("/v8/finance/chart/", this::yahoo);
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  private void alphaVantage(HttpExchange exchange) throws IOException {
    alphaVantageCalls.incrementAndGet();
    try {
      if (!alphaVantageHeld.await(30, TimeUnit.SECONDS)) {
        throw new IOException("the test never let the stub answer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String symbol = parameter(exchange, "symbol");
    answer(
        exchange,
        200,
        "{\"Global Quote\":{\"01. symbol\":\""
            + symbol
            + "\",\"05. price\":\"512.3400\",\"07. latest trading day\":\"2026-03-02\"}}");
  }

  private void yahoo(HttpExchange exchange) throws IOException {
    yahooCalls.incrementAndGet();
    if (yahooDown) {
      answer(exchange, 503, "<html>Service Unavailable</html>");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String symbol = path.substring(path.lastIndexOf('/') + 1);
    answer(
        exchange,
        200,
        "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\""
            + symbol
            + "\",\"regularMarketPrice\":250.12,\"regularMarketTime\":1772463600,"
            + "\"gmtoffset\":-18000},\"timestamp\":[1772463600],"
            + "\"indicators\":{\"quote\":[{\"close\":[250.12]}]}}],\"error\":null}}");
  }

  private static String parameter(HttpExchange exchange, String name) {
    for (String pair : exchange.getRequestURI().getQuery().split("&", -1)) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return "";
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The function's environment from the template, with the test's variables on top. */
  private MarketData function(String logicalId, String... variables) {
    Map<String, String> vars = new HashMap<>(env.functionEnv(logicalId));
    String base = "http://127.0.0.1:" + stub.getAddress().getPort();
    vars.put("ALPHA_VANTAGE_URL", base);
    vars.put("YAHOO_FINANCE_URL", base);
    for (int i = 0; i < variables.length; i += 2) {
      vars.put(variables[i], variables[i + 1]);
    }
    return MarketDataSources.from(
        new FunctionEnvironment(vars), env.dynamoDb(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void cache(Quote quote, Instant expiresAt) {
    new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable"))
        .put("quote#" + quote.symbol(), Json.write(quote), expiresAt);
  }

  private static Quote quote(String symbol) {
    return new FakeProvider("alpha-vantage").answering("99.00").quote(symbol);
  }

  @Test
  void theIntegrationTestsRunEveryFunctionThatReadsMarketDataOffline() {
    assertThat(env.functionEnv("ApiFunction")).containsEntry("MARKET_DATA_SOURCES", "");
    assertThat(env.functionEnv("RetrievalFunction")).containsEntry("MARKET_DATA_SOURCES", "");
    cache(quote("SPY"), NOW.plusSeconds(60));
    cache(quote("DIA"), NOW.minusSeconds(60));
    MarketData offline = function("ApiFunction");

    assertThat(offline.quote("SPY").provenance()).isEqualTo(Provenance.CACHED);
    assertThat(offline.quote("DIA").provenance()).isEqualTo(Provenance.STALE);
    assertThatThrownBy(() -> offline.quote("VTI"))
        .isInstanceOf(MarketDataUnavailableException.class)
        .hasMessageContaining("MARKET_DATA_SOURCES is empty");
    assertThat(alphaVantageCalls.get() + yahooCalls.get()).isZero();
  }

  @Test
  void whenAlphaVantagesDailyBudgetIsSpentYahooFinanceAnswers() {
    MarketData live =
        function(
            "RetrievalFunction",
            "MARKET_DATA_SOURCES",
            "alpha-vantage,yahoo-finance",
            "ALPHA_VANTAGE_DAILY_LIMIT",
            "1");

    Quote first = live.quote("QQQ");
    Quote second = live.quote("IWM");

    assertThat(first.source()).isEqualTo("alpha-vantage");
    assertThat(first.price()).isEqualByComparingTo("512.34");
    assertThat(second.source()).isEqualTo("yahoo-finance");
    assertThat(second.price()).isEqualByComparingTo("250.12");
    assertThat(second.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(alphaVantageCalls.get()).isEqualTo(1);
    assertThat(yahooCalls.get()).isEqualTo(1);
  }

  @Test
  void twentyInstancesMissingTheSameQuoteAtOnceMakeOneRequestToTheProvider() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    alphaVantageHeld = held;
    List<MarketData> instances = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      instances.add(function("ApiFunction", "MARKET_DATA_SOURCES", "alpha-vantage"));
    }
    AtomicInteger next = new AtomicInteger();
    List<Quote> answers =
        ConcurrentReaders.read(
            20,
            () -> instances.get(next.getAndIncrement()).quote("XLF"),
            held,
            alphaVantageCalls::get);

    assertThat(answers).allSatisfy(q -> assertThat(q.price()).isEqualByComparingTo("512.34"));
    assertThat(alphaVantageCalls.get()).isEqualTo(1);
  }

  @Test
  void whenYahooFinanceIsDownItsBreakerOpensAndTheStaleAnswerIsServed() {
    yahooDown = true;
    cache(quote("EFA"), NOW.minus(Duration.ofHours(3)));
    MarketData live = function("ApiFunction", "MARKET_DATA_SOURCES", "yahoo-finance");

    for (String symbol : new String[] {"A", "B", "C", "D", "E"}) {
      assertThatThrownBy(() -> live.quote(symbol))
          .isInstanceOf(MarketDataUnavailableException.class)
          .hasMessageContaining("yahoo-finance did not answer");
    }
    int callsWhenOpened = yahooCalls.get();
    Quote stale = live.quote("EFA");
    assertThatThrownBy(() -> live.quote("F")).isInstanceOf(MarketDataUnavailableException.class);

    assertThat(callsWhenOpened).isGreaterThanOrEqualTo(5);
    assertThat(yahooCalls.get()).isEqualTo(callsWhenOpened);
    assertThat(stale.provenance()).isEqualTo(Provenance.STALE);
    assertThat(stale.price()).isEqualByComparingTo("99.00");
  }
}
