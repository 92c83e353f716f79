package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.market.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Provider answers for tests: the recorded fixtures under {@code providers/} on the class path, and
 * answers in the same formats built from chosen values (a market that falls, a yield that jumps).
 */
public final class ProviderFixtures {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** 9:30 in New York in winter, when Yahoo's daily bars are stamped. */
  private static final int OPEN_SECOND_OF_DAY_UTC = 14 * 3600 + 30 * 60;

  /** 16:00 in New York in winter, the last trade of the day. */
  private static final int CLOSE_SECOND_OF_DAY_UTC = 21 * 3600;

  private ProviderFixtures() {}

  public static String read(String path) {
    String resource = "providers/" + path;
    try (InputStream in = ProviderFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Alpha Vantage's GLOBAL_QUOTE for {@code symbol} at {@code price} on {@code day}. */
  public static String alphaVantageQuote(String symbol, BigDecimal price, LocalDate day) {
    ObjectNode quote = NODES.objectNode();
    quote.put("01. symbol", symbol);
    quote.put("05. price", price.toPlainString());
    quote.put("07. latest trading day", day.toString());
    ObjectNode root = NODES.objectNode();
    root.set("Global Quote", quote);
    return root.toString();
  }

  /**
   * Alpha Vantage's TIME_SERIES_DAILY of these closes (given oldest first, written newest first).
   */
  public static String alphaVantageDaily(String symbol, List<Observation> closes) {
    ObjectNode days = NODES.objectNode();
    for (int i = closes.size() - 1; i >= 0; i--) {
      String close = closes.get(i).value().toPlainString();
      ObjectNode bar = NODES.objectNode();
      bar.put("1. open", close);
      bar.put("2. high", close);
      bar.put("3. low", close);
      bar.put("4. close", close);
      bar.put("5. volume", "1000000");
      days.set(closes.get(i).date().toString(), bar);
    }
    ObjectNode meta = NODES.objectNode();
    meta.put("2. Symbol", symbol);
    meta.put("4. Output Size", "Compact");
    ObjectNode root = NODES.objectNode();
    root.set("Meta Data", meta);
    root.set("Time Series (Daily)", days);
    return root.toString();
  }

  /** Alpha Vantage's TREASURY_YIELD or CPI answer of these values (oldest first). */
  public static String alphaVantageEconomic(String name, List<Observation> values) {
    ArrayNode data = NODES.arrayNode();
    for (int i = values.size() - 1; i >= 0; i--) {
      ObjectNode row = data.addObject();
      row.put("date", values.get(i).date().toString());
      row.put("value", values.get(i).value().toPlainString());
    }
    ObjectNode root = NODES.objectNode();
    root.put("name", name);
    root.set("data", data);
    return root.toString();
  }

  /**
   * Yahoo's chart of {@code symbol} in US dollars: the last close is the quote, traded at 16:00 New
   * York on its day, and each bar is stamped at that day's open.
   */
  public static String yahooChart(String symbol, List<Observation> closes) {
    Observation last = closes.get(closes.size() - 1);
    ObjectNode meta = NODES.objectNode();
    meta.put("currency", "USD");
    meta.put("symbol", symbol);
    meta.put("gmtoffset", -18000);
    meta.put("regularMarketPrice", last.value());
    meta.put("regularMarketTime", yahooMarketTime(last.date()).getEpochSecond());
    ArrayNode timestamps = NODES.arrayNode();
    ArrayNode values = NODES.arrayNode();
    for (Observation close : closes) {
      timestamps.add(epochSecond(close.date()));
      values.add(close.value());
    }
    ObjectNode quote = NODES.objectNode();
    quote.set("close", values);
    ObjectNode result = NODES.objectNode();
    result.set("meta", meta);
    result.set("timestamp", timestamps);
    result.putObject("indicators").putArray("quote").add(quote);
    ObjectNode chart = NODES.objectNode();
    chart.putArray("result").add(result);
    chart.putNull("error");
    ObjectNode root = NODES.objectNode();
    root.set("chart", chart);
    return root.toString();
  }

  /** When {@link #yahooChart} says the last close on {@code day} was traded. */
  public static Instant yahooMarketTime(LocalDate day) {
    return Instant.ofEpochSecond(
        day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + CLOSE_SECOND_OF_DAY_UTC);
  }

  private static long epochSecond(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + OPEN_SECOND_OF_DAY_UTC;
  }
}
