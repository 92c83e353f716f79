package dev.finpilot.planning;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;

/**
 * The feasibility check of a goal other than the projected one: what its earmarked balance and
 * planned saving reach by its date at the assumed return (see {@link GoalBook}).
 */
record GoalCheck(String goal, GoalType type, Money target, Money projected, boolean onTrack) {

  /** The funded share of the target, in [0, 1]. */
  double fundedShare() {
    if (!target.isPositive()) {
      return 1.0;
    }
    return Math.max(0.0, Math.min(1.0, projected.toDouble() / target.toDouble()));
  }
}
