package dev.finpilot.functions.api.limits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Buckets in memory, each take atomic as DynamoDB's conditional update makes it. */
public final class InMemoryBucketStore implements BucketStore {
  private final Map<String, Long> fullAt = new HashMap<>();

  @Override
  public synchronized OptionalLong take(
      String key, long now, long interval, long latest, Instant expiresAt) {
    long stored = fullAt.getOrDefault(key, Long.MIN_VALUE);
    if (stored > latest) {
      return OptionalLong.empty();
    }
    long next = Math.max(stored, now) + interval;
    fullAt.put(key, next);
    return OptionalLong.of(next);
  }

  @Override
  public synchronized OptionalLong fullAt(String key) {
    Long stored = fullAt.get(key);
    return stored == null ? OptionalLong.empty() : OptionalLong.of(stored);
  }

  public synchronized boolean isEmpty() {
    return fullAt.isEmpty();
  }

  public synchronized void clear() {
    fullAt.clear();
  }
}
