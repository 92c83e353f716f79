package dev.finpilot.functions.api.limits;

import java.time.Instant;
import java.util.Optional;

/** Where buckets live: shared by every instance of the function, so limits hold across them. */
public interface BucketStore {

  Optional<Bucket> find(String key);

  /**
   * Writes {@code next} if the stored bucket still has {@code expectedVersion} (0: no bucket yet).
   *
   * @param expiresAt when the item may be deleted (the bucket would be full again by then)
   * @return false when another request wrote the bucket first
   */
  boolean save(String key, Bucket next, long expectedVersion, Instant expiresAt);
}
