package dev.finpilot.retrieval.providers;

import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the key for each Alpha Vantage request: the keys in rotation, each request granted by the
 * key's shared daily budget ({@code alpha-vantage#<fingerprint>}, per UTC day) before it is made. A
 * key whose budget refuses, or that Alpha Vantage says has spent its day, is skipped by this
 * instance until the day ends; the request moves to the next key, and when no key is left it fails
 * as {@link Kind#DAILY_LIMIT} without a network call.
 */
final class AlphaVantageKeys {
  private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageKeys.class);
  private static final Duration DAY = Duration.ofDays(1);

  private final ApiKeySource source;
  private final SharedBudget budget;
  private final int defaultDailyLimit;
  private final Clock clock;
  private final AtomicInteger next = new AtomicInteger();
  private final Map<String, LocalDate> spentOn = new ConcurrentHashMap<>();

  AlphaVantageKeys(ApiKeySource source, RequestBudget budget, int defaultDailyLimit, Clock clock) {
    this.source = source;
    this.budget = new SharedBudget(AlphaVantageProvider.NAME, budget, clock);
    this.defaultDailyLimit = defaultDailyLimit;
    this.clock = clock;
  }

  static String budgetName(ApiKey key) {
    return AlphaVantageProvider.NAME + "#" + key.fingerprint();
  }

  /** Makes {@code request} with the next key that may still be used today. */
  <T> T withKey(Function<ApiKey, T> request) {
    List<ApiKey> keys = keys();
    if (keys.isEmpty()) {
      throw failure(Kind.UNAUTHORIZED, "no API key is configured");
    }
    int start = Math.floorMod(next.getAndIncrement(), keys.size());
    for (int i = 0; i < keys.size(); i++) {
      ApiKey key = keys.get((start + i) % keys.size());
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      if (today.equals(spentOn.get(key.fingerprint()))) {
        continue;
      }
      if (!budget.tryTake(budgetName(key), dailyLimit(key), DAY)) {
        markSpent(key, today, "its shared daily budget is spent");
        continue;
      }
      try {
        return request.apply(key);
      } catch (ProviderException e) {
        if (e.kind() != Kind.DAILY_LIMIT) {
          throw e;
        }
        markSpent(key, today, "Alpha Vantage says its daily limit is reached");
      }
    }
    throw failure(
        Kind.DAILY_LIMIT, "the daily allowance of every API key (" + keys.size() + ") is spent");
  }

  private List<ApiKey> keys() {
    try {
      return source.current().all();
    } catch (IllegalArgumentException e) {
      throw failure(Kind.UNAUTHORIZED, "the API keys cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      throw failure(
          Kind.UNAVAILABLE,
          "the API keys could not be fetched (" + e.getClass().getSimpleName() + ")");
    }
  }

  private int dailyLimit(ApiKey key) {
    return key.dailyLimit().orElse(defaultDailyLimit);
  }

  private void markSpent(ApiKey key, LocalDate day, String why) {
    spentOn.put(key.fingerprint(), day);
    LOG.warn("Alpha Vantage key {} is not used again on {}: {}", key.fingerprint(), day, why);
  }

  private static ProviderException failure(Kind kind, String message) {
    return new ProviderException(AlphaVantageProvider.NAME, kind, message);
  }
}
