package dev.finpilot.retrieval.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach Yahoo Finance's chart API.
 *
 * @param baseUrl where {@code /v8/finance/chart} is served; tests point it at a local stub
 * @param timeout how long one request may take before it counts as unavailable
 * @param perMinute requests all FinPilot instances together make per minute: Yahoo publishes no
 *     limit and throttles bursts, so the default stays well below where throttling is reported
 */
public record YahooFinanceConfig(URI baseUrl, Duration timeout, int perMinute) {

  public static final String URL_VARIABLE = "YAHOO_FINANCE_URL";
  public static final String TIMEOUT_VARIABLE = "YAHOO_FINANCE_TIMEOUT_MS";
  public static final String PER_MINUTE_VARIABLE = "YAHOO_FINANCE_PER_MINUTE";

  static final String DEFAULT_URL = "https://query1.finance.yahoo.com";
  static final int DEFAULT_PER_MINUTE = 60;
  static final long DEFAULT_TIMEOUT_MS = 5_000;

  public static YahooFinanceConfig fromEnvironment(Map<String, String> env) {
    return new YahooFinanceConfig(
        Settings.url(env, URL_VARIABLE, DEFAULT_URL),
        Settings.millis(env, TIMEOUT_VARIABLE, DEFAULT_TIMEOUT_MS),
        Settings.count(env, PER_MINUTE_VARIABLE, DEFAULT_PER_MINUTE));
  }
}
