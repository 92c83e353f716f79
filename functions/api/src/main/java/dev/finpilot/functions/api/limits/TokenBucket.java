package dev.finpilot.functions.api.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The token-bucket arithmetic, free of storage: refill for the time passed, then take one. */
public final class TokenBucket {
  static final long MILLI = 1000;

  private TokenBucket() {}

  /** The outcome of one request against one bucket. */
  public record Admission(boolean allowed, Bucket next, int remaining, Duration retryAfter) {}

  /**
   * Takes one token if there is one. A missing bucket is full. A clock that went backwards refills
   * nothing (the stored time is kept), so a skewed instance can never mint tokens.
   */
  public static Admission take(Optional<Bucket> stored, RateLimitPolicy policy, Instant now) {
    long capacity = policy.capacity() * MILLI;
    long refillMillis = policy.refillEvery().toMillis();
    long nowMillis = now.toEpochMilli();
    long tokens;
    long since;
    long version;
    if (stored.isEmpty()) {
      tokens = capacity;
      since = nowMillis;
      version = 0;
    } else {
      Bucket b = stored.get();
      long elapsed = Math.max(0, nowMillis - b.updatedAtMillis());
      // Saturating: a bucket idle for years is simply full.
      long refill =
          elapsed >= refillMillis * policy.capacity() ? capacity : elapsed * MILLI / refillMillis;
      tokens = Math.min(capacity, b.milliTokens() + refill);
      since = Math.max(nowMillis, b.updatedAtMillis());
      version = b.version();
    }
    if (tokens >= MILLI) {
      long left = tokens - MILLI;
      return new Admission(
          true, new Bucket(left, since, version + 1), (int) (left / MILLI), Duration.ZERO);
    }
    long missing = MILLI - tokens;
    Duration wait = Duration.ofMillis((missing * refillMillis + MILLI - 1) / MILLI);
    return new Admission(false, new Bucket(tokens, since, version), 0, wait);
  }
}
