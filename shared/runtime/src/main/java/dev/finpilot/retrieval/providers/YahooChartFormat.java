package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Yahoo's chart answers, read: the result, or the failure the status and body stand for. */
final class YahooChartFormat {
  private static final String NAME = YahooFinanceProvider.NAME;

  /** Yahoo's throttle sometimes comes as this plain text instead of a 429. */
  private static final String TOO_MANY_REQUESTS = "Too Many Requests";

  /**
   * Currencies Yahoo quotes in their minor unit (London in pence, Johannesburg in cents, Tel Aviv
   * in agorot): the quote is converted to the major unit that {@link Currency} knows.
   */
  private static final Map<String, String> MINOR_UNITS =
      Map.of("GBp", "GBP", "GBX", "GBP", "ZAc", "ZAR", "ILA", "ILS");

  /**
   * The highest yield read as percent. The CBOE yield indices were once quoted at ten times the
   * percent (42.5 for 4.25%), and no Treasury yield has come near 20% since the indices exist.
   */
  private static final BigDecimal HIGHEST_PERCENT = BigDecimal.valueOf(20);

  private static final BigDecimal LOWEST_PERCENT = BigDecimal.valueOf(-1);

  private final ProviderHttp http;
  private final ProviderJson json = new ProviderJson(NAME);

  YahooChartFormat(ProviderHttp http) {
    this.http = http;
  }

  /** {@code chart.result[0]}, or the failure the answer stands for. */
  JsonNode result(String symbol, ProviderHttp.Response response) {
    int status = response.status();
    if (status == 429 || response.body().strip().startsWith(TOO_MANY_REQUESTS)) {
      throw new ProviderException(
          NAME, Kind.RATE_LIMITED, "too many requests (HTTP " + status + ")");
    }
    if (status != 200 && status != 404) {
      throw http.statusFailure(status);
    }
    JsonNode chart;
    try {
      chart = json.parse(response.body()).path("chart");
    } catch (ProviderException e) {
      throw status == 404 ? http.statusFailure(status) : e;
    }
    JsonNode error = chart.path("error");
    if (error.isObject()) {
      if (status == 404 || "Not Found".equalsIgnoreCase(error.path("code").asText())) {
        throw new ProviderException(NAME, Kind.NOT_FOUND, "no symbol " + symbol);
      }
      throw new ProviderException(
          NAME, Kind.UNAVAILABLE, "the chart answered the error " + error.path("code").asText());
    }
    if (status != 200) {
      throw http.statusFailure(status);
    }
    JsonNode result = chart.path("result").path(0);
    if (!result.isObject()) {
      throw json.malformed("chart.result is missing");
    }
    return result;
  }

  Quote quote(String symbol, JsonNode result, Instant fetchedAt) {
    JsonNode meta = json.require(result, "meta");
    BigDecimal price = json.decimal(meta.get("regularMarketPrice"), "meta.regularMarketPrice");
    JsonNode time = json.require(meta, "regularMarketTime");
    if (!time.canConvertToLong()) {
      throw json.malformed("meta.regularMarketTime is not a time");
    }
    String code = json.require(meta, "currency").asText();
    if (MINOR_UNITS.containsKey(code)) {
      price = price.movePointLeft(2);
      code = MINOR_UNITS.get(code);
    }
    try {
      return new Quote(
          symbol,
          price,
          Currency.getInstance(code),
          Instant.ofEpochSecond(time.asLong()),
          NAME,
          fetchedAt);
    } catch (IllegalArgumentException | ValidationException e) {
      throw json.malformed("the quote for " + symbol + " is not valid: " + e.getMessage());
    }
  }

  /**
   * The daily closes, dated in the exchange's time zone. Bars without a close ({@code null}, as on
   * a day the exchange traded partly) are left out; a second bar for one day (the running day's
   * latest, next to its opening bar) replaces the first.
   */
  Series closes(String name, Series.Unit unit, JsonNode result, Instant fetchedAt) {
    JsonNode timestamps = result.path("timestamp");
    JsonNode closes = result.path("indicators").path("quote").path(0).path("close");
    if (!timestamps.isArray() || !closes.isArray() || timestamps.size() != closes.size()) {
      throw json.malformed("the bars of " + name + " are missing or uneven");
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(result.path("meta").path("gmtoffset").asInt(0));
    SortedMap<LocalDate, BigDecimal> values = new TreeMap<>();
    for (int i = 0; i < closes.size(); i++) {
      if (closes.get(i).isNull()) {
        continue;
      }
      if (!timestamps.get(i).canConvertToLong()) {
        throw json.malformed("a bar time of " + name + " is not a time");
      }
      LocalDate day =
          LocalDate.ofInstant(Instant.ofEpochSecond(timestamps.get(i).asLong()), offset);
      values.put(day, json.decimal(closes.get(i), "a close of " + name));
    }
    return json.series(name, unit, values, fetchedAt);
  }

  /** Yields in percent, scaled down if they come at ten times the percent. */
  Series yields(Series raw) {
    boolean tenfold = raw.latest().value().compareTo(HIGHEST_PERCENT) > 0;
    SortedMap<LocalDate, BigDecimal> values = new TreeMap<>();
    for (Observation point : raw.points()) {
      BigDecimal percent = tenfold ? point.value().movePointLeft(1) : point.value();
      if (percent.compareTo(HIGHEST_PERCENT) > 0 || percent.compareTo(LOWEST_PERCENT) < 0) {
        throw json.malformed(
            "the yield " + point.value() + " of " + raw.name() + " is implausible");
      }
      values.put(point.date(), percent);
    }
    return json.series(raw.name(), raw.unit(), values, raw.fetchedAt());
  }
}
