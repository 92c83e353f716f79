package dev.finpilot.retrieval;

import java.time.Duration;
import java.time.Instant;

/**
 * Request allowances shared by every instance of every function, such as Alpha Vantage's requests
 * per key and day: a provider call is made only after it has been granted here.
 */
public interface RequestBudget {

  /**
   * Takes one request from the allowance named {@code budget} for the window of length {@code
   * window} that contains {@code now}, if fewer than {@code limit} were taken in it.
   *
   * @param budget names provider and key, never the key itself (a fingerprint of it)
   * @return whether the request may be made
   */
  boolean tryTake(String budget, int limit, Duration window, Instant now);
}
