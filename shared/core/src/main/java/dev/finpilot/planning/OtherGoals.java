package dev.finpilot.planning;

import java.util.List;

/**
 * The goals beside the projected one.
 *
 * @param checks whether each is on track at the assumed returns
 * @param shortCapUntilAge ages below this hold at most 30% equity, for near-term goals the plan
 *     does not fully cover in cash; the current age for none
 */
record OtherGoals(List<GoalCheck> checks, int shortCapUntilAge) {

  OtherGoals {
    checks = List.copyOf(checks);
  }
}
