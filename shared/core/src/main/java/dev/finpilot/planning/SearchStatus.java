package dev.finpilot.planning;

/**
 * Where a strategy, decision or constraint ended up in the search. For constraint nodes EXPLORED
 * means satisfied (or handled) and REJECTED means still violated by the chosen plan.
 */
public enum SearchStatus {
  /** Built, projected and scored, but not chosen. */
  EXPLORED,
  /** Cut before projection, with the reason recorded. */
  PRUNED,
  /** The plan the planner returns. */
  CHOSEN,
  /** Explored but failed verification (an ERROR or CRITICAL finding remained). */
  REJECTED
}
