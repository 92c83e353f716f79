package dev.finpilot.retrieval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Market-data metrics kept in memory, named as the EMF adapter names them ({@code ProviderCalls},
 * {@code ProviderErrors}, ...), each with its dimensions after a slash: {@code
 * ProviderErrors/alpha-vantage/DAILY_LIMIT}.
 */
public final class RecordingMarketDataMetrics implements MarketDataMetrics {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger flushes =
      new java.util.concurrent.atomic.AtomicInteger();

  public int count(String metric) {
    return counts.getOrDefault(metric, 0);
  }

  public int flushes() {
    return flushes.get();
  }

  private void add(String metric) {
    counts.merge(metric, 1, Integer::sum);
  }

  @Override
  public void providerCalled(String provider) {
    add("ProviderCalls/" + provider);
  }

  @Override
  public void providerFailed(String provider, ProviderException.Kind kind) {
    add("ProviderErrors/" + provider + "/" + kind);
  }

  @Override
  public void fellBack(String provider) {
    add("Fallbacks/" + provider);
  }

  @Override
  public void cacheHit() {
    add("CacheHits");
  }

  @Override
  public void cacheMiss() {
    add("CacheMisses");
  }

  @Override
  public void staleServed() {
    add("StaleServed");
  }

  @Override
  public void flush() {
    flushes.incrementAndGet();
  }
}
