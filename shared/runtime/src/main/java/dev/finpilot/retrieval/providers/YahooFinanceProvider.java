package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketDataProvider;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.RequestBudget;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Yahoo Finance's v8 chart API, which needs neither key nor crumb: a quote from the chart's {@code
 * meta}, daily closes from its bars, and Treasury yields from the CBOE yield indices ({@code ^IRX}
 * for the 3-month bill, {@code ^TNX} for the 10-year note). Yahoo has no consumer price index.
 * Every request first takes one from the shared per-minute budget {@code yahoo-finance}; a spent
 * budget fails as {@link Kind#RATE_LIMITED} without a network call, and like Yahoo's own throttle
 * it counts towards opening the provider's circuit breaker ({@link ResilientProvider}).
 */
public final class YahooFinanceProvider implements MarketDataProvider {

  public static final String NAME = "yahoo-finance";

  /** The budget every instance shares, named like the provider: Yahoo has no keys. */
  static final String BUDGET = NAME;

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Map<Rate, String> RATE_SYMBOLS =
      Map.of(Rate.DGS3MO, "^IRX", Rate.DGS10, "^TNX");

  /** Enough days for the last trade when the market has been closed over a long weekend. */
  private static final String QUOTE_RANGE = "5d";

  /** About 125 trading days: at least the 100 that Alpha Vantage's compact series gives. */
  private static final String SERIES_RANGE = "6mo";

  private final ProviderConfig config;
  private final ProviderHttp http;
  private final YahooChartFormat format;
  private final SharedBudget budget;
  private final Clock clock;

  public YahooFinanceProvider(
      ProviderConfig config, RequestBudget budget, HttpClient client, Clock clock) {
    this.config = config;
    this.http = new ProviderHttp(NAME, client, config.timeout());
    this.format = new YahooChartFormat(http);
    this.budget = new SharedBudget(NAME, budget, clock);
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Quote quote(String symbol) {
    JsonNode chart = chart(symbol, QUOTE_RANGE);
    return format.quote(symbol, chart, clock.instant());
  }

  @Override
  public Series dailyCloses(String symbol) {
    JsonNode chart = chart(symbol, SERIES_RANGE);
    return format.closes(symbol, Series.Unit.PRICE, chart, clock.instant());
  }

  @Override
  public Series treasuryYield(Rate rate) {
    JsonNode chart = chart(RATE_SYMBOLS.get(rate), SERIES_RANGE);
    return format.yields(format.closes(rate.name(), Series.Unit.PERCENT, chart, clock.instant()));
  }

  @Override
  public Series consumerPrices() {
    throw new ProviderException(
        NAME, Kind.UNSUPPORTED, "Yahoo Finance has no consumer price index");
  }

  private JsonNode chart(String symbol, String range) {
    if (!budget.tryTake(BUDGET, config.requestLimit(), MINUTE)) {
      throw new ProviderException(
          NAME,
          Kind.RATE_LIMITED,
          "the shared budget of " + config.requestLimit() + " requests a minute is spent");
    }
    URI uri =
        URI.create(
            config.baseUrl()
                + "/v8/finance/chart/"
                + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "?interval=1d&range="
                + range);
    return format.result(symbol, http.get(uri));
  }
}
