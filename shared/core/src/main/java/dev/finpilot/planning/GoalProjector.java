package dev.finpilot.planning;

import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ReturnGenerator;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Monte Carlo request that projects a draft toward its primary goal.
 *
 * <p>The portfolio starts at the balances earmarked for the goal and follows the plan's glide path
 * (all cash for money saved in cash). Each year receives the plan's monthly saving toward the goal
 * (plus the employer match for retirement), and from the month a debt is paid off, the emergency
 * fund is full or another goal's date passes, the money that frees is redirected to the goal too.
 * Contributions are in today's dollars: they are assumed to rise with inflation. Success is
 * reaching the goal's target by its date.
 */
final class GoalProjector {

  /** A what-if on top of the draft, used by the relaxation search. */
  record Variation(Money extraMonthly, int extraYears, Money target, GlidePath glidePath) {
    static Variation none() {
      return new Variation(Money.zeroUsd(), 0, null, null);
    }
  }

  private final PlanningRequest request;

  GoalProjector(PlanningRequest request) {
    this.request = request;
  }

  ProjectionRequest request(
      Draft draft, Variation variation, int paths, ReturnGenerator generator, long seed) {
    ProjectedGoal goal = draft.primary().goal();
    int age = request.state().age();
    int goalMonths = goalMonths(goal) + 12 * variation.extraYears();
    int years = (goalMonths + 11) / 12;
    GlidePath path =
        variation.glidePath() != null
            ? variation.glidePath()
            : draft.primary().inCash() ? GlidePathBuilder.allCash(age) : draft.plan().glidePath();
    Money target = variation.target() != null ? variation.target() : goal.target();
    return ProjectionRequest.builder()
        .startingBalance(draft.primary().existing().toDouble())
        .glidePath(path)
        .startAge(age)
        .years(years)
        .cashFlows(cashFlows(draft, variation, goalMonths, years, age))
        .target(target.toDouble(), goal.basis())
        .reportIn(ValueBasis.TODAYS_DOLLARS)
        .generator(generator)
        .paths(paths)
        .seed(seed)
        .build();
  }

  int goalMonths(ProjectedGoal goal) {
    return (int) Math.max(1, ChronoUnit.MONTHS.between(request.asOf(), goal.date()));
  }

  /** The monthly amounts reaching the goal, summed per plan year and merged into ranges. */
  private static List<CashFlow> cashFlows(
      Draft draft, Variation variation, int goalMonths, int years, int age) {
    PrimaryGoal primary = draft.primary();
    int filledMonth = draft.emergencyFund().filledMonth();
    boolean emergencyGoal = primary.goal().type() == GoalType.EMERGENCY_FUND;
    Money match =
        primary.goal().type() == GoalType.RETIREMENT
            ? draft.waterfall().employerMatch()
            : Money.zeroUsd();
    Money base = primary.monthly().plus(variation.extraMonthly());
    double[] annual = new double[years];
    for (int month = 1; month <= goalMonths; month++) {
      Money monthly;
      if (emergencyGoal) {
        boolean full = filledMonth > 0 && month > filledMonth;
        monthly = full ? variation.extraMonthly() : base;
      } else {
        monthly = base.plus(match);
        for (DebtSchedule.Release r : primary.releases()) {
          if (r.month() <= month) {
            monthly = monthly.plus(r.monthly());
          }
        }
      }
      annual[(month - 1) / 12] += monthly.toDouble();
    }
    List<CashFlow> flows = new ArrayList<>();
    int from = 0;
    for (int y = 1; y <= years; y++) {
      if (y == years || annual[y] != annual[from]) {
        if (annual[from] > 0) {
          flows.add(
              CashFlow.contribution(annual[from], age + from, age + y, ValueBasis.TODAYS_DOLLARS));
        }
        from = y;
      }
    }
    return flows;
  }
}
