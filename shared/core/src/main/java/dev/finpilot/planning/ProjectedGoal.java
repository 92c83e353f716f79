package dev.finpilot.planning;

import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import java.time.LocalDate;

/** The goal a plan is projected toward, taken from the request or, failing one, synthesised. */
record ProjectedGoal(
    String label, GoalType type, Money target, ValueBasis basis, LocalDate date, Goal goal) {

  static ProjectedGoal of(Goal goal) {
    return new ProjectedGoal(
        GoalBook.label(goal),
        goal.type(),
        goal.targetAmount(),
        goal.basis(),
        goal.targetDate(),
        goal);
  }
}
