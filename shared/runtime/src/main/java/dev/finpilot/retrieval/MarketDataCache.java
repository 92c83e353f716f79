package dev.finpilot.retrieval;

import java.time.Instant;
import java.util.Optional;

/**
 * A cache of market data documents (quotes, series, capital-market assumptions) by key, and the
 * short leases that let one reader fetch a missing document while concurrent readers wait for it.
 * Entries expire at a given instant: {@link #get} never returns an expired entry, even if the store
 * has not yet deleted it, while {@link #entry} does, so that an old answer can still be served, and
 * labelled stale, when no provider can answer.
 */
public interface MarketDataCache {

  /** A stored document and when it stops being fresh. */
  record Entry(String document, Instant expiresAt) {

    public boolean freshAt(Instant now) {
      return expiresAt.isAfter(now);
    }
  }

  /** The document under {@code key} if it is still fresh at {@code now}. */
  default Optional<String> get(String key, Instant now) {
    return entry(key).filter(e -> e.freshAt(now)).map(Entry::document);
  }

  /** Whatever is stored under {@code key}, fresh or expired. */
  Optional<Entry> entry(String key);

  void put(String key, String document, Instant expiresAt);

  /**
   * Takes the lease on fetching {@code key} until {@code until}, if nobody holds it at {@code now}.
   *
   * @param holder who takes it, so that only the holder {@link #release}s it
   * @return whether {@code holder} now holds the lease
   */
  boolean tryLease(String key, String holder, Instant now, Instant until);

  /** Whether someone holds the lease on fetching {@code key} at {@code now}. */
  boolean leased(String key, Instant now);

  /** Gives the lease back early, if {@code holder} still holds it. */
  void release(String key, String holder);
}
