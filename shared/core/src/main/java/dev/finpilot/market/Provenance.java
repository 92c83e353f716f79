package dev.finpilot.market;

/**
 * How a piece of market data reached the reader, so that a price or a plan never passes off old or
 * substitute data as current.
 */
public enum Provenance {
  /** Fetched from a provider for this request. */
  LIVE,
  /** Fetched from a provider earlier and still within its cache lifetime. */
  CACHED,
  /** Past its cache lifetime, served because no provider could answer now. */
  STALE,
  /** From the historical data set shipped with FinPilot: no provider was used. */
  EMBEDDED
}
