package dev.finpilot.aws;

import dev.finpilot.retrieval.CacheLifetimes;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataProvider;
import dev.finpilot.retrieval.ReadThroughMarketData;
import dev.finpilot.retrieval.RequestBudget;
import dev.finpilot.retrieval.providers.ApiKeySource;
import dev.finpilot.retrieval.providers.BreakerState;
import dev.finpilot.retrieval.providers.LiveProviders;
import dev.finpilot.retrieval.providers.ResilientProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link MarketData} a function reads, built from its environment: the providers named in
 * {@code MARKET_DATA_SOURCES}, in that order, behind the DynamoDB cache and shared request budgets
 * on {@code MARKET_DATA_TABLE}.
 *
 * <p>With no sources named (offline) it is still the read-through, with no providers, rather than
 * an answer that always fails: whatever the cache holds is served, cached while fresh and stale
 * after, and anything else fails with the offline reason so that callers use the embedded data.
 * Turning the providers off therefore throws nothing away that was already fetched.
 */
public final class MarketDataSources {

  public static final String SOURCES_VARIABLE = "MARKET_DATA_SOURCES";
  public static final String QUOTE_CACHE_VARIABLE = "QUOTE_CACHE_SECONDS";
  public static final String SERIES_CACHE_VARIABLE = "SERIES_CACHE_SECONDS";

  /** The embedded data set: always the last resort of the callers, never a provider of quotes. */
  public static final String EMBEDDED = "embedded";

  private MarketDataSources() {}

  /**
   * @throws IllegalArgumentException when a source or a cache lifetime is not understood, so that a
   *     misconfigured function fails as it starts rather than on every request
   */
  public static MarketData from(FunctionEnvironment env, DynamoDbClient dynamo, Clock clock) {
    String table = env.require("MARKET_DATA_TABLE");
    List<String> names = sourceNames(env);
    EmfMarketDataMetrics metrics = EmfMarketDataMetrics.powertools();
    List<MarketDataProvider> providers = new ArrayList<>();
    if (!names.isEmpty()) {
      RequestBudget budget = new DynamoRequestBudget(dynamo, table);
      HttpClient client = LiveProviders.httpClient();
      ApiKeySource keys = SecretsManagerApiKeys.forFunction(env);
      for (String name : names) {
        ResilientProvider provider =
            LiveProviders.create(name, env.variables(), keys, budget, client, clock);
        metrics.watchBreaker(name, () -> provider.breakerState() == BreakerState.OPEN);
        providers.add(provider);
      }
    }
    return new ReadThroughMarketData(
        providers, new DynamoMarketDataCache(dynamo, table), lifetimes(env), metrics, clock);
  }

  /** The live providers named, in order; {@link #EMBEDDED} is implied last and skipped. */
  static List<String> sourceNames(FunctionEnvironment env) {
    return Arrays.stream(env.variables().getOrDefault(SOURCES_VARIABLE, "").split(",", -1))
        .map(String::strip)
        .filter(name -> !name.isEmpty() && !name.equals(EMBEDDED))
        .distinct()
        .toList();
  }

  static CacheLifetimes lifetimes(FunctionEnvironment env) {
    CacheLifetimes lifetimes = CacheLifetimes.DEFAULT;
    if (env.variables().containsKey(QUOTE_CACHE_VARIABLE)) {
      lifetimes = lifetimes.withQuotes(seconds(env, QUOTE_CACHE_VARIABLE));
    }
    if (env.variables().containsKey(SERIES_CACHE_VARIABLE)) {
      lifetimes = lifetimes.withSeries(seconds(env, SERIES_CACHE_VARIABLE));
    }
    return lifetimes;
  }

  private static Duration seconds(FunctionEnvironment env, String variable) {
    String value = env.variables().get(variable).strip();
    try {
      long seconds = Long.parseLong(value);
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(
        variable + " must be a positive whole number of seconds, was '" + value + "'");
  }
}
