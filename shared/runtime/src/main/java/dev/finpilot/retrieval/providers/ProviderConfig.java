package dev.finpilot.retrieval.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach one provider, read from the environment with defaults.
 *
 * @param baseUrl where the provider's API is served; tests point it at a local stub
 * @param timeout how long one request may take before it counts as unavailable
 * @param requestLimit Alpha Vantage: requests a key may make per day (UTC) unless the key says
 *     otherwise; Yahoo Finance: requests all FinPilot instances together make per minute
 */
public record ProviderConfig(URI baseUrl, Duration timeout, int requestLimit) {

  public static final String ALPHA_VANTAGE_URL = "ALPHA_VANTAGE_URL";
  public static final String ALPHA_VANTAGE_TIMEOUT_MS = "ALPHA_VANTAGE_TIMEOUT_MS";
  public static final String ALPHA_VANTAGE_DAILY_LIMIT = "ALPHA_VANTAGE_DAILY_LIMIT";
  public static final String YAHOO_FINANCE_URL = "YAHOO_FINANCE_URL";
  public static final String YAHOO_FINANCE_TIMEOUT_MS = "YAHOO_FINANCE_TIMEOUT_MS";
  public static final String YAHOO_FINANCE_PER_MINUTE = "YAHOO_FINANCE_PER_MINUTE";

  private static final long DEFAULT_TIMEOUT_MS = 5_000;

  /** The free tier's allowance. */
  private static final int ALPHA_VANTAGE_FREE_DAILY_LIMIT = 25;

  /**
   * Yahoo publishes no limit and throttles bursts, so the default stays well below the rates at
   * which throttling is reported.
   */
  private static final int YAHOO_FINANCE_DEFAULT_PER_MINUTE = 60;

  public static ProviderConfig alphaVantage(Map<String, String> env) {
    return new ProviderConfig(
        url(env, ALPHA_VANTAGE_URL, "https://www.alphavantage.co"),
        Duration.ofMillis(positive(env, ALPHA_VANTAGE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS)),
        Math.toIntExact(positive(env, ALPHA_VANTAGE_DAILY_LIMIT, ALPHA_VANTAGE_FREE_DAILY_LIMIT)));
  }

  public static ProviderConfig yahooFinance(Map<String, String> env) {
    return new ProviderConfig(
        url(env, YAHOO_FINANCE_URL, "https://query1.finance.yahoo.com"),
        Duration.ofMillis(positive(env, YAHOO_FINANCE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS)),
        Math.toIntExact(positive(env, YAHOO_FINANCE_PER_MINUTE, YAHOO_FINANCE_DEFAULT_PER_MINUTE)));
  }

  private static URI url(Map<String, String> env, String name, String fallback) {
    String value = value(env, name, fallback);
    return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }

  static long positive(Map<String, String> env, String name, long fallback) {
    String value = value(env, name, Long.toString(fallback));
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, was " + value);
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
