package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The goal a draft is projected toward and the money that reaches it.
 *
 * @param goal the highest-priority goal with a market outcome, or, with only a debt-payoff goal,
 *     the invested assets while the debts are paid
 * @param existing balances earmarked for the goal
 * @param monthly the household's monthly saving toward the goal today
 * @param inCash whether the goal's money is held in cash
 * @param releases money freed later (debts paid off, emergency fund full, other goals reached),
 *     which the projection redirects to the goal
 */
record PrimaryGoal(
    ProjectedGoal goal,
    Money existing,
    Money monthly,
    boolean inCash,
    List<DebtSchedule.Release> releases) {

  PrimaryGoal {
    releases = List.copyOf(releases);
  }

  static PrimaryGoal of(
      PlanningContext context, Waterfall waterfall, EmergencyFund emergencyFund, DebtPayoff debts) {
    GoalBook goals = context.goals();
    ProjectedGoal primary = projected(goals);
    Money existing =
        primary.goal() == null
            ? context.state().investedAssets()
            : goals.existing(primary.goal(), emergencyFund.target());
    Money monthly =
        waterfall.slices().stream()
            .filter(s -> serves(s, primary, goals))
            .map(Slice::monthly)
            .reduce(Money.zeroUsd(), Money::plus);
    List<DebtSchedule.Release> releases = new ArrayList<>(debts.schedule().releases());
    if (emergencyFund.filledMonth() > 0) {
      releases.add(
          new DebtSchedule.Release(
              emergencyFund.filledMonth() + 1, waterfall.cashSaving(), "emergency fund full"));
    }
    for (Slice s : waterfall.slices()) {
      boolean savingGoal =
          s.bucket() == SavingBucket.PRIORITY_GOALS || s.bucket() == SavingBucket.LATER_GOALS;
      if (savingGoal && !s.goal().equals(primary.goal()) && s.monthly().isPositive()) {
        releases.add(
            new DebtSchedule.Release(
                goals.months(s.goal()) + 1,
                s.monthly(),
                "goal '" + GoalBook.label(s.goal()) + "' reached its date"));
      }
    }
    return new PrimaryGoal(primary, existing, monthly, inCash(primary, goals), releases);
  }

  private static ProjectedGoal projected(GoalBook goals) {
    Optional<Goal> primary = goals.primary();
    if (primary.isPresent()) {
      return ProjectedGoal.of(primary.get());
    }
    Goal debtGoal = goals.byPriority().get(0);
    return new ProjectedGoal(
        "invested assets while debts are paid",
        GoalType.GENERAL_INVESTING,
        Money.zeroUsd(),
        ValueBasis.TODAYS_DOLLARS,
        debtGoal.targetDate(),
        null);
  }

  private static boolean inCash(ProjectedGoal primary, GoalBook goals) {
    if (primary.goal() == null) {
      return false;
    }
    return primary.type() == GoalType.EMERGENCY_FUND
        || (GoalBook.isSavingGoal(primary.goal())
            && goals.accountFor(primary.goal()) == AccountType.CASH);
  }

  private static boolean serves(Slice slice, ProjectedGoal primary, GoalBook goals) {
    if (slice.isDebt()) {
      return false;
    }
    if (primary.goal() == null || primary.type() == GoalType.RETIREMENT) {
      return slice.bucket().invests();
    }
    if (primary.type() == GoalType.EMERGENCY_FUND) {
      return slice.bucket() == SavingBucket.STARTER_FUND
          || slice.bucket() == SavingBucket.EMERGENCY_FUND;
    }
    return primary.goal().equals(slice.goal())
        || (slice.bucket() == SavingBucket.TAXABLE && goals.retirement().isEmpty());
  }
}
