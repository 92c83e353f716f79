package dev.finpilot.retrieval;

import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Market snapshots in the market-data cache, under {@code snapshot#<id>}: the retrieval agent
 * stores one, the planning agent reads it by the id the workflow passes on. They are kept for 30
 * days, far longer than a plan takes to make; a plan version keeps its own copy for good.
 */
public final class SnapshotStore {

  public static final String KEY_PREFIX = "snapshot#";

  static final Duration LIFETIME = Duration.ofDays(30);

  private final MarketDataCache cache;

  public SnapshotStore(MarketDataCache cache) {
    this.cache = cache;
  }

  public void put(MarketSnapshot snapshot, Instant now) {
    cache.put(KEY_PREFIX + snapshot.id(), Json.write(snapshot), now.plus(LIFETIME));
  }

  /** The snapshot with this id; the historical one is always known, stored or not. */
  public Optional<MarketSnapshot> find(String id, Instant now) {
    MarketSnapshot historical = MarketSnapshot.historical();
    if (historical.id().equals(id)) {
      return Optional.of(historical);
    }
    return cache.get(KEY_PREFIX + id, now).map(json -> Json.read(json, MarketSnapshot.class));
  }
}
