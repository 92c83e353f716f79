package dev.finpilot.retrieval;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the read-through cache keeps each kind of answer fresh.
 *
 * @param quotes a quote; minutes: the market monitor looks every few minutes, so a longer life
 *     would let it (and the user) judge on a price older than its own last look, while a shorter
 *     one would spend provider calls that the providers' limits ration
 * @param series daily closes, treasury yields and the CPI, which change once a day or less
 * @param unknownSymbols a provider's "no such symbol", so that a mistyped symbol asked again and
 *     again does not spend the providers' request allowances
 * @param lease how long one reader may take to fetch a missing answer while concurrent readers of
 *     the same key wait for it
 */
public record CacheLifetimes(
    Duration quotes, Duration series, Duration unknownSymbols, Duration lease) {

  public static final CacheLifetimes DEFAULT =
      new CacheLifetimes(
          Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofSeconds(8));

  public CacheLifetimes {
    for (Duration d : new Duration[] {quotes, series, unknownSymbols, lease}) {
      Objects.requireNonNull(d, "lifetime");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("cache lifetimes must be positive, was " + d);
      }
    }
  }

  public CacheLifetimes withQuotes(Duration quotes) {
    return new CacheLifetimes(quotes, series, unknownSymbols, lease);
  }

  public CacheLifetimes withSeries(Duration series) {
    return new CacheLifetimes(quotes, series, unknownSymbols, lease);
  }
}
