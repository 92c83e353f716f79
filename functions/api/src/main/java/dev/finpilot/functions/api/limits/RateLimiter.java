package dev.finpilot.functions.api.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Per-user token buckets kept in a {@link BucketStore}, each as the instant it is full again (the
 * generic cell rate algorithm): a bucket full at {@code fullAt} holds {@code capacity - (fullAt -
 * now) / refillEvery} tokens, and taking one moves {@code fullAt} one {@code refillEvery} later.
 * Whole milliseconds keep refills between whole tokens exact. A clock that went backwards only sees
 * fewer tokens, so a skewed instance can never mint any.
 *
 * <p>A take is one conditional write; reading the bucket is needed only to say how long a refused
 * request must wait.
 */
public final class RateLimiter {
  static final int MAX_ATTEMPTS = 4;

  /** The outcome of one request against one bucket. */
  public record Admission(boolean allowed, int remaining, Duration retryAfter) {}

  private final BucketStore store;
  private final Clock clock;

  public RateLimiter(BucketStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes one request from the user's bucket for the policy. */
  public Admission take(String userId, RateLimitPolicy policy) {
    String key = policy.name() + "#" + userId;
    long interval = policy.refillEvery().toMillis();
    long window = interval * policy.capacity();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long now = clock.millis();
      // The bucket holds a token while it is full again no later than this.
      long latest = now + window - interval;
      Instant expiresAt = Instant.ofEpochMilli(now + window).plus(Duration.ofMinutes(1));
      OptionalLong taken = store.take(key, now, interval, latest, expiresAt);
      if (taken.isPresent()) {
        return new Admission(
            true, (int) ((now + window - taken.getAsLong()) / interval), Duration.ZERO);
      }
      OptionalLong fullAt = store.fullAt(key);
      if (fullAt.isPresent() && fullAt.getAsLong() > latest) {
        return new Admission(false, 0, Duration.ofMillis(fullAt.getAsLong() - latest));
      }
      // Refilled (or expired) between the write and the read: decide again.
    }
    // Many requests of one user at once are what the limit is for: refuse this one briefly.
    return new Admission(false, 0, Duration.ofSeconds(1));
  }
}
