package dev.finpilot.retrieval;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The market-data cache in memory, with the DynamoDB adapter's expiry: an entry is fresh only
 * before its instant, and an expired entry stays stored (as DynamoDB keeps it until its lazy TTL
 * sweep) until it is overwritten. Leases behave like the adapter's conditional writes.
 */
public final class InMemoryMarketDataCache implements MarketDataCache {
  private record Lease(String holder, Instant until) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private int leaseChecks;

  @Override
  public synchronized Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized void put(String key, String document, Instant expiresAt) {
    entries.put(key, new Entry(document, expiresAt));
  }

  @Override
  public synchronized boolean tryLease(String key, String holder, Instant now, Instant until) {
    if (leased(key, now)) {
      return false;
    }
    leases.put(key, new Lease(holder, until));
    return true;
  }

  @Override
  public synchronized boolean leased(String key, Instant now) {
    leaseChecks++;
    Lease lease = leases.get(key);
    return lease != null && lease.until().isAfter(now);
  }

  @Override
  public synchronized void release(String key, String holder) {
    leases.computeIfPresent(key, (k, lease) -> lease.holder().equals(holder) ? null : lease);
  }

  /** Whether anything is stored under {@code key}, expired or not. */
  public synchronized boolean holds(String key) {
    return entries.containsKey(key);
  }

  /** How often a reader asked whether a key is leased: a waiting reader asks while it polls. */
  public synchronized int leaseChecks() {
    return leaseChecks;
  }

  public synchronized void clear() {
    entries.clear();
    leases.clear();
  }
}
