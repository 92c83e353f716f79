package dev.finpilot.retrieval;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The market-data cache in memory, with the DynamoDB adapter's expiry: an entry is returned only
 * before its instant, and an expired entry stays stored (as DynamoDB keeps it until its lazy TTL
 * sweep) until it is overwritten.
 */
public final class InMemoryMarketDataCache implements MarketDataCache {
  private record Entry(String document, Instant expiresAt) {}

  private final Map<String, Entry> entries = new HashMap<>();

  @Override
  public synchronized Optional<String> get(String key, Instant now) {
    Entry entry = entries.get(key);
    return entry != null && entry.expiresAt().isAfter(now)
        ? Optional.of(entry.document())
        : Optional.empty();
  }

  @Override
  public synchronized void put(String key, String document, Instant expiresAt) {
    entries.put(key, new Entry(document, expiresAt));
  }

  /** Whether anything is stored under {@code key}, expired or not. */
  public synchronized boolean holds(String key) {
    return entries.containsKey(key);
  }

  public synchronized void clear() {
    entries.clear();
  }
}
