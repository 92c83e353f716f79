package dev.finpilot.retrieval;

import java.time.Instant;
import java.util.Optional;

/**
 * A cache of market data documents (quotes, series, capital-market assumptions) by key. Entries
 * expire at a given instant; an expired entry is never returned, even if the store has not yet
 * deleted it.
 */
public interface MarketDataCache {

  Optional<String> get(String key, Instant now);

  void put(String key, String document, Instant expiresAt);
}
