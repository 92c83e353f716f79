package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketDataProvider;
import dev.finpilot.retrieval.RequestBudget;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Alpha Vantage: GLOBAL_QUOTE, TIME_SERIES_DAILY (compact: the last 100 days), TREASURY_YIELD
 * (daily) and CPI (monthly). Each request takes one from the chosen key's shared daily budget first
 * ({@link AlphaVantageKeys}), so a retried request counts again, as it does at Alpha Vantage.
 */
public final class AlphaVantageProvider implements MarketDataProvider {

  public static final String NAME = "alpha-vantage";

  private static final Map<Rate, String> MATURITIES =
      Map.of(Rate.DGS3MO, "3month", Rate.DGS10, "10year");

  private final URI query;
  private final ProviderHttp http;
  private final AlphaVantageKeys keys;
  private final AlphaVantageFormat format = new AlphaVantageFormat();
  private final Clock clock;

  public AlphaVantageProvider(
      ProviderConfig config,
      ApiKeySource keys,
      RequestBudget budget,
      HttpClient client,
      Clock clock) {
    this.query = URI.create(config.baseUrl() + "/query");
    this.http = new ProviderHttp(NAME, client, config.timeout());
    this.keys = new AlphaVantageKeys(keys, budget, config.requestLimit(), clock);
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Quote quote(String symbol) {
    JsonNode body = call(true, "function", "GLOBAL_QUOTE", "symbol", symbol);
    return format.quote(symbol, body, clock.instant());
  }

  @Override
  public Series dailyCloses(String symbol) {
    JsonNode body =
        call(true, "function", "TIME_SERIES_DAILY", "symbol", symbol, "outputsize", "compact");
    return format.dailyCloses(symbol, body, clock.instant());
  }

  @Override
  public Series treasuryYield(Rate rate) {
    JsonNode body =
        call(
            false,
            "function",
            "TREASURY_YIELD",
            "interval",
            "daily",
            "maturity",
            MATURITIES.get(rate));
    return format.economic(rate.name(), Series.Unit.PERCENT, body, clock.instant());
  }

  @Override
  public Series consumerPrices() {
    JsonNode body = call(false, "function", "CPI", "interval", "monthly");
    return format.economic("CPI", Series.Unit.INDEX, body, clock.instant());
  }

  /**
   * @param symbolCall whether the request names a symbol (see {@link AlphaVantageFormat#read})
   * @param parameters names and values, alternating
   */
  private JsonNode call(boolean symbolCall, String... parameters) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      query.put(parameters[i], parameters[i + 1]);
    }
    return keys.withKey(
        key -> {
          Map<String, String> withKey = new LinkedHashMap<>(query);
          withKey.put("apikey", key.value());
          ProviderHttp.Response response = http.get(uri(withKey));
          if (response.status() != 200) {
            throw http.statusFailure(response.status());
          }
          return format.read(response.body(), symbolCall);
        });
  }

  private URI uri(Map<String, String> parameters) {
    return URI.create(
        query
            + "?"
            + parameters.entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
  }
}
