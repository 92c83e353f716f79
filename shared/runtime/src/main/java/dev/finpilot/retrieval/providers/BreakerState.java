package dev.finpilot.retrieval.providers;

/** A provider's circuit breaker as metrics report it. */
public enum BreakerState {
  /** Calls go through. */
  CLOSED,
  /** Calls fail at once, without touching the network. */
  OPEN,
  /** A trial call decides whether the breaker closes again. */
  HALF_OPEN
}
