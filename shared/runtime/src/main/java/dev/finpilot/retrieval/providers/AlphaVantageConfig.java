package dev.finpilot.retrieval.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach Alpha Vantage.
 *
 * @param baseUrl where {@code /query} is served; tests point it at a local stub
 * @param timeout how long one request may take before it counts as unavailable
 * @param dailyLimitPerKey requests a key may make per day (UTC) unless the key says otherwise
 */
public record AlphaVantageConfig(URI baseUrl, Duration timeout, int dailyLimitPerKey) {

  public static final String URL_VARIABLE = "ALPHA_VANTAGE_URL";
  public static final String TIMEOUT_VARIABLE = "ALPHA_VANTAGE_TIMEOUT_MS";
  public static final String DAILY_LIMIT_VARIABLE = "ALPHA_VANTAGE_DAILY_LIMIT";

  static final String DEFAULT_URL = "https://www.alphavantage.co";

  /** The free tier's allowance. */
  static final int DEFAULT_DAILY_LIMIT = 25;

  static final long DEFAULT_TIMEOUT_MS = 5_000;

  public static AlphaVantageConfig fromEnvironment(Map<String, String> env) {
    return new AlphaVantageConfig(
        Settings.url(env, URL_VARIABLE, DEFAULT_URL),
        Settings.millis(env, TIMEOUT_VARIABLE, DEFAULT_TIMEOUT_MS),
        Settings.count(env, DAILY_LIMIT_VARIABLE, DEFAULT_DAILY_LIMIT));
  }
}
