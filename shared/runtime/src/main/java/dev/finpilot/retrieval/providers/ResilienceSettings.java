package dev.finpilot.retrieval.providers;

import java.time.Duration;
import java.util.Map;

/**
 * How a provider is retried and when its circuit opens.
 *
 * @param attempts calls per request, the first included, for failures worth another try
 * @param firstBackoff the wait before the second attempt; each later wait doubles, with jitter
 * @param breakerWindow how many recent requests the breaker judges
 * @param breakerMinimumCalls how many requests it sees before it may open; it opens when half of
 *     the window (or of these first requests) failed
 * @param openFor how long an open breaker refuses calls before it lets one through to test
 */
public record ResilienceSettings(
    int attempts,
    Duration firstBackoff,
    int breakerWindow,
    int breakerMinimumCalls,
    Duration openFor) {

  /**
   * Three attempts over about 0.6 s keep a request well inside a function's timeout; five failed
   * requests open the breaker for a minute, which is how long a throttled provider wants to be left
   * alone.
   */
  public static final ResilienceSettings DEFAULTS =
      new ResilienceSettings(3, Duration.ofMillis(200), 10, 5, Duration.ofMinutes(1));

  /** How long an open breaker stays open, in seconds, where the default minute does not suit. */
  public static final String BREAKER_OPEN_SECONDS = "MARKET_DATA_BREAKER_OPEN_SECONDS";

  /** The defaults, with the open time from {@value #BREAKER_OPEN_SECONDS} if it is set. */
  public static ResilienceSettings fromEnvironment(Map<String, String> env) {
    Duration openFor =
        Duration.ofSeconds(
            ProviderConfig.positive(env, BREAKER_OPEN_SECONDS, DEFAULTS.openFor().toSeconds()));
    return new ResilienceSettings(
        DEFAULTS.attempts(),
        DEFAULTS.firstBackoff(),
        DEFAULTS.breakerWindow(),
        DEFAULTS.breakerMinimumCalls(),
        openFor);
  }
}
