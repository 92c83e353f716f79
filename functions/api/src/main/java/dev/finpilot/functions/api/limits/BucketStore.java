package dev.finpilot.functions.api.limits;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Where buckets live: shared by every instance of the function, so limits hold across them. A
 * bucket is stored as the one instant at which it is full again ({@link RateLimiter}), so taking a
 * token is a single conditional write of that instant, however many instances race for it.
 */
public interface BucketStore {

  /**
   * Takes one token, atomically: a bucket missing or full again before {@code now} becomes full at
   * {@code now + interval}; one full at a time from {@code now} to {@code latest} becomes full one
   * {@code interval} later; one full later than {@code latest} has no token and is left alone.
   *
   * @param expiresAt when the item may be deleted (the bucket is full again by then)
   * @return when the bucket is full again after this take; empty when it had no token
   */
  OptionalLong take(String key, long now, long interval, long latest, Instant expiresAt);

  /** When the bucket is full again (epoch milliseconds); empty when there is no bucket. */
  OptionalLong fullAt(String key);
}
