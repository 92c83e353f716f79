package dev.finpilot.functions.api.accounts;

import java.time.Instant;

/** Counters that expire: how many login attempts a key made in the current window. */
public interface AttemptCounters {

  /** Adds one and returns the new count; the counter may vanish after {@code expiresAt}. */
  long increment(String key, Instant expiresAt);

  long count(String key);
}
