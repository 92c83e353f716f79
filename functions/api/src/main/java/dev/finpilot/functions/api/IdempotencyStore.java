package dev.finpilot.functions.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Requests made with an {@code Idempotency-Key}, per user and key: the fingerprint of the first
 * request and, once it succeeded, its response.
 */
public interface IdempotencyStore {

  /** The response a completed request gave, kept to be given again. */
  record StoredResponse(int status, String body, String location) {}

  /** A key's record; {@code response} is empty while the first request is still running. */
  record Entry(String fingerprint, Optional<StoredResponse> response) {}

  /**
   * Claims the key for a new request: succeeds if no record exists or the existing one expired.
   *
   * @return false if another live record holds the key
   */
  boolean claim(String key, String fingerprint, Instant now, Instant expiresAt);

  /** The live record of the key (an expired one is ignored, as if already deleted). */
  Optional<Entry> find(String key, Instant now);

  void complete(String key, StoredResponse response);

  /** Releases a claim whose request failed, so the client may retry with the same key. */
  void release(String key);
}
