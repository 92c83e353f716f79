package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Alpha Vantage's answers, read. It answers every error and limit with HTTP 200 and a body of its
 * own, so the body decides the failure's kind. Its own words are not repeated in messages: they are
 * not ours to vouch for, and they must never be able to carry a key into a log.
 */
final class AlphaVantageFormat {
  private static final String NAME = AlphaVantageProvider.NAME;
  private static final ZoneId EXCHANGE = ZoneId.of("America/New_York");
  private static final LocalTime CLOSE = LocalTime.of(16, 0);

  /** Alpha Vantage quotes US listings and says no currency; FinPilot's symbols are US listings. */
  private static final Currency CURRENCY = Currency.getInstance("USD");

  /** FRED's mark for a day without a release, which must not read as a value of zero. */
  private static final String NO_VALUE = ".";

  private final ProviderJson json = new ProviderJson(NAME);

  /**
   * The body of an HTTP 200 answer, or the failure it stands for.
   *
   * @param symbolCall whether the request named a symbol, so that "Invalid API call" means that the
   *     symbol is unknown rather than that FinPilot asked wrongly
   */
  JsonNode read(String body, boolean symbolCall) {
    JsonNode root = json.parse(body);
    if (root.hasNonNull("Error Message")) {
      throw errorMessage(root.get("Error Message").asText(), symbolCall);
    }
    if (root.hasNonNull("Note")) {
      throw failure(Kind.RATE_LIMITED, "requests are throttled (Note)");
    }
    if (root.hasNonNull("Information")) {
      throw information(root.get("Information").asText());
    }
    return root;
  }

  Quote quote(String symbol, JsonNode root, Instant fetchedAt) {
    JsonNode quote = json.require(root, "Global Quote");
    if (quote.isEmpty()) {
      throw failure(Kind.NOT_FOUND, "no symbol " + symbol);
    }
    BigDecimal price = json.decimal(quote.get("05. price"), "05. price");
    LocalDate day = json.date(quote.get("07. latest trading day"), "07. latest trading day");
    Instant close = day.atTime(CLOSE).atZone(EXCHANGE).toInstant();
    Instant asOf = close.isBefore(fetchedAt) ? close : fetchedAt;
    try {
      return new Quote(symbol, price, CURRENCY, asOf, NAME, fetchedAt);
    } catch (ValidationException e) {
      throw json.malformed("the quote for " + symbol + " is not valid: " + e.getMessage());
    }
  }

  Series dailyCloses(String symbol, JsonNode root, Instant fetchedAt) {
    JsonNode days = json.require(root, "Time Series (Daily)");
    SortedMap<LocalDate, BigDecimal> closes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = days.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> day = it.next();
      closes.put(
          json.date(day.getKey(), "a day of the series"),
          json.decimal(day.getValue().get("4. close"), "4. close of " + day.getKey()));
    }
    return json.series(symbol, Series.Unit.PRICE, closes, fetchedAt);
  }

  /** TREASURY_YIELD and CPI share one shape: {@code data} of dates and values, newest first. */
  Series economic(String name, Series.Unit unit, JsonNode root, Instant fetchedAt) {
    JsonNode data = json.require(root, "data");
    SortedMap<LocalDate, BigDecimal> values = new TreeMap<>();
    for (JsonNode row : data) {
      if (NO_VALUE.equals(row.path("value").asText())) {
        continue;
      }
      values.put(json.date(row.get("date"), "date"), json.decimal(row.get("value"), "value"));
    }
    return json.series(name, unit, values, fetchedAt);
  }

  private static ProviderException errorMessage(String text, boolean symbolCall) {
    if (text.toLowerCase(Locale.ROOT).contains("apikey")) {
      return failure(Kind.UNAUTHORIZED, "the API key was refused (Error Message)");
    }
    return symbolCall
        ? failure(Kind.NOT_FOUND, "no such symbol (Error Message)")
        : failure(Kind.UNSUPPORTED, "the request was refused as invalid (Error Message)");
  }

  /**
   * {@code Information} says several things, and its texts mention one another ("premium", "per
   * day" and "API key" appear in more than one), so they are told apart in this order: a premium
   * endpoint, requests too close together, the daily allowance, a key not valid for the call (the
   * public demo key). What is not recognised is treated as a throttle: not retried, and the next
   * provider is asked.
   */
  private static ProviderException information(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("this is a premium endpoint")) {
      return failure(Kind.PREMIUM_ONLY, "the endpoint needs a premium plan (Information)");
    }
    if (lower.contains("sparingly") || lower.contains("per second")) {
      return failure(Kind.RATE_LIMITED, "requests are too close together (Information)");
    }
    if (lower.contains("per day") || lower.contains("daily")) {
      return failure(Kind.DAILY_LIMIT, "the key's daily limit is reached (Information)");
    }
    if (lower.contains("demo") || lower.contains("api key")) {
      return failure(Kind.UNAUTHORIZED, "the API key is not valid for this call (Information)");
    }
    return failure(Kind.RATE_LIMITED, "requests are throttled (Information)");
  }

  private static ProviderException failure(Kind kind, String message) {
    return new ProviderException(NAME, kind, message);
  }
}
