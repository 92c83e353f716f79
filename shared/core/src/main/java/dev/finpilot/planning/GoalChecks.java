package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every goal but the projected one against a draft: what its balance and monthly saving
 * reach by its date at the assumed return, and for a debt-payoff goal, which debts are paid off by
 * then.
 */
final class GoalChecks {

  private final GoalBook goals;

  GoalChecks(GoalBook goals) {
    this.goals = goals;
  }

  List<GoalCheck> check(
      ProjectedGoal primary, Waterfall waterfall, EmergencyFund emergencyFund, DebtPayoff debts) {
    List<GoalCheck> checks = new ArrayList<>();
    for (Goal goal : goals.byPriority()) {
      if (goal.equals(primary.goal())) {
        continue;
      }
      Money monthly;
      Money existing = goals.existing(goal, emergencyFund.target());
      switch (goal.type()) {
        case RETIREMENT -> {
          Money investing = Money.zeroUsd();
          for (Slice s : waterfall.slices()) {
            if (!s.isDebt() && s.bucket().invests()) {
              investing = investing.plus(s.monthly());
            }
          }
          monthly = investing.plus(waterfall.employerMatch());
        }
        case EMERGENCY_FUND -> monthly = waterfall.cashSaving();
        case DEBT_PAYOFF -> {
          checks.add(debtGoal(goal, debts));
          continue;
        }
        default ->
            monthly =
                waterfall.slices().stream()
                    .filter(s -> goal.equals(s.goal()))
                    .map(Slice::monthly)
                    .reduce(Money.zeroUsd(), Money::plus);
      }
      Money projected = goals.projected(goal, existing, monthly, goals.assumedReturn(goal));
      checks.add(
          new GoalCheck(
              GoalBook.label(goal),
              goal.type(),
              goal.targetAmount(),
              projected,
              !projected.isLessThan(goal.targetAmount())));
    }
    return checks;
  }

  /** A debt-payoff goal is on track when every targeted debt is paid off by its date. */
  private GoalCheck debtGoal(Goal goal, DebtPayoff debts) {
    int months = goals.months(goal);
    Money total = Money.zeroUsd();
    Money cleared = Money.zeroUsd();
    for (Debt d : debts.targetedDebts()) {
      total = total.plus(d.balance());
      DebtSchedule.Payoff payoff = debts.schedule().payoff(d.name());
      if (payoff.paidOff() && payoff.month() <= months) {
        cleared = cleared.plus(d.balance());
      }
    }
    return new GoalCheck(
        GoalBook.label(goal), goal.type(), total, cleared, !cleared.isLessThan(total));
  }
}
