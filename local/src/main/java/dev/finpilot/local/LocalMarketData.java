package dev.finpilot.local;

import dev.finpilot.testkit.EnvironmentOverrides;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Market data on this machine: offline (the cache and the embedded data set) unless the user's
 * environment names providers in {@code MARKET_DATA_SOURCES}, whatever the template deploys. The
 * user's market-data variables reach every function that reads market data as {@link
 * EnvironmentOverrides}; locally the Alpha Vantage keys come from {@code ALPHA_VANTAGE_API_KEYS}
 * instead of the emulator's copy of the secret, which holds only the public demo key.
 */
final class LocalMarketData {

  static final String SOURCES = "MARKET_DATA_SOURCES";
  static final String KEYS = "ALPHA_VANTAGE_API_KEYS";
  static final String SECRET_ARN = "MARKET_DATA_API_KEY_SECRET_ARN";

  /** Passed on when set; {@link #SOURCES} is always passed, empty when unset. */
  private static final List<String> OPTIONAL =
      List.of(KEYS, "ALPHA_VANTAGE_URL", "YAHOO_FINANCE_URL");

  private LocalMarketData() {}

  /** System properties for {@link EnvironmentOverrides}, by name. */
  static Map<String, String> overrides(SamTemplate template, Map<String, String> userEnv) {
    Map<String, String> properties = new TreeMap<>();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      if (!template.environment(function).containsKey(SOURCES)) {
        continue;
      }
      String prefix = EnvironmentOverrides.PREFIX + function + ".";
      properties.put(prefix + SOURCES, userEnv.getOrDefault(SOURCES, "").strip());
      for (String variable : OPTIONAL) {
        if (userEnv.containsKey(variable)) {
          properties.put(prefix + variable, userEnv.get(variable));
        }
      }
      if (!userEnv.getOrDefault(KEYS, "").isBlank()) {
        // Without the secret's ARN the function reads its keys from KEYS instead.
        properties.put(prefix + SECRET_ARN, "");
      }
    }
    return properties;
  }

  /** What bin/local says about market data; names the number of keys, never a key. */
  static String describe(Map<String, String> userEnv) {
    String sources = userEnv.getOrDefault(SOURCES, "").strip();
    if (sources.isEmpty()) {
      return "market data: offline, embedded historical data; set "
          + SOURCES
          + "=alpha-vantage,yahoo-finance and "
          + KEYS
          + "=... to use live providers";
    }
    long keys =
        Arrays.stream(userEnv.getOrDefault(KEYS, "").split(",", -1))
            .filter(key -> !key.isBlank())
            .count();
    return "market data: live from "
        + sources
        + " through the cache ("
        + (keys == 0
            ? "no " + KEYS + ": Alpha Vantage gets the emulator secret's demo key"
            : keys + " Alpha Vantage key" + (keys == 1 ? "" : "s") + " from " + KEYS)
        + ")";
  }
}
