package dev.finpilot.functions.api.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Per-user token buckets kept in a {@link BucketStore}. Each take is a read followed by a write
 * conditional on the version read, so two instances racing for the last token cannot both get it:
 * the loser reads again and decides again.
 */
public final class RateLimiter {
  static final int MAX_ATTEMPTS = 4;

  private final BucketStore store;
  private final Clock clock;

  public RateLimiter(BucketStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes one request from the user's bucket for the policy. */
  public TokenBucket.Admission take(String userId, RateLimitPolicy policy) {
    String key = policy.name() + "#" + userId;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      TokenBucket.Admission decision = TokenBucket.take(store.find(key), policy, now);
      if (!decision.allowed()) {
        return decision;
      }
      Instant expiresAt = now.plus(policy.timeToFull()).plus(Duration.ofMinutes(1));
      if (store.save(key, decision.next(), decision.next().version() - 1, expiresAt)) {
        return decision;
      }
    }
    // Many requests of one user at once are what the limit is for: refuse this one briefly.
    return new TokenBucket.Admission(false, null, 0, Duration.ofSeconds(1));
  }
}
