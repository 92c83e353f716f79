package dev.finpilot.functions.api.limits;

import java.time.Duration;

/**
 * What a user may do how often: each policy is a token bucket holding at most {@code capacity}
 * requests, refilled by one every {@code refillEvery}. Creating a plan starts agents and a Monte
 * Carlo run, so it is limited far more tightly than reading; so are the insight routes that
 * simulate while the caller waits.
 */
public enum RateLimitPolicy {
  /** Reads: bursts of 60, then one a second. */
  READ(60, Duration.ofSeconds(1)),
  /** Other writes (parse a goal, cancel, approve, log out): bursts of 20, then one every 3 s. */
  WRITE(20, Duration.ofSeconds(3)),
  /** {@code POST /v1/plans}: bursts of 5, then one a minute. */
  PLAN_CREATION(5, Duration.ofMinutes(1)),
  /**
   * What-if, stress tests, risk analytics and chat, each up to a few CPU-seconds of Monte Carlo
   * (docs/api.md, Rate limits): bursts of 10, then one every 6 s.
   */
  SIMULATION(10, Duration.ofSeconds(6));

  private final int capacity;
  private final Duration refillEvery;

  RateLimitPolicy(int capacity, Duration refillEvery) {
    this.capacity = capacity;
    this.refillEvery = refillEvery;
  }

  public int capacity() {
    return capacity;
  }

  public Duration refillEvery() {
    return refillEvery;
  }

  /** How long an untouched bucket takes to fill up; after that its item may expire. */
  public Duration timeToFull() {
    return refillEvery.multipliedBy(capacity);
  }
}
