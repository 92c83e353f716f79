package dev.finpilot.planning;

import dev.finpilot.domain.Money;

/**
 * A constraint the user would have to relax for a plan to pass, with the number that would do it.
 *
 * @param amount the dollar figure of the change (extra monthly saving, spending cut or the new
 *     target), or null
 * @param years the years the goal date moves, or null
 * @param successProbability the primary goal's probability of success after the change, when it was
 *     projected, or null
 */
public record Relaxation(
    Kind kind, String description, Money amount, Integer years, Double successProbability) {

  /** What would change. */
  public enum Kind {
    INCREASE_SAVINGS,
    REDUCE_EXPENSES,
    EXTEND_GOAL_DATE,
    LOWER_TARGET,
    ACCEPT_MORE_RISK,
    RESOLVE_FINDING
  }
}
