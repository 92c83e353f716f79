package dev.finpilot.retrieval.providers;

import dev.finpilot.retrieval.RequestBudget;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * The live providers by the names {@code MARKET_DATA_SOURCES} lists, each configured from the
 * environment and behind its own retry and circuit breaker.
 */
public final class LiveProviders {
  private LiveProviders() {}

  /** One client for all providers of a function instance: it keeps their connections open. */
  public static HttpClient httpClient() {
    return ProviderHttp.newClient();
  }

  /**
   * @param keys the Alpha Vantage keys (unused by Yahoo Finance)
   * @throws IllegalArgumentException when {@code name} is not a live provider
   */
  public static ResilientProvider create(
      String name,
      Map<String, String> env,
      ApiKeySource keys,
      RequestBudget budget,
      HttpClient client,
      Clock clock) {
    return new ResilientProvider(
        switch (name) {
          case AlphaVantageProvider.NAME ->
              new AlphaVantageProvider(
                  ProviderConfig.alphaVantage(env), keys, budget, client, clock);
          case YahooFinanceProvider.NAME ->
              new YahooFinanceProvider(ProviderConfig.yahooFinance(env), budget, client, clock);
          default ->
              throw new IllegalArgumentException(
                  "no live market-data provider is named \"" + name + "\"");
        },
        ResilienceSettings.fromEnvironment(env),
        clock);
  }
}
