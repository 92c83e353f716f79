package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Turns a strategy (and any repairs) into a concrete plan for one request: it sizes the emergency
 * fund, then puts together the debt plan, the monthly waterfall, the projected goal, the checks of
 * the other goals, the glide path and the dated steps.
 */
final class PlanBuilder {

  private final PlanningContext context;
  private final FinancialState state;
  private final GoalBook goals;

  PlanBuilder(PlanningContext context) {
    this.context = context;
    this.state = context.state();
    this.goals = context.goals();
  }

  Draft build(Strategy strategy, Adjustments adjustments) {
    Strategy.Profile profile = strategy.profile();
    int emergencyMonths = emergencyMonths(profile, adjustments);
    Money emergencyTarget = emergencyTarget(emergencyMonths);
    DebtPlan debtPlan = DebtPlan.of(context, profile, adjustments);
    Waterfall waterfall =
        new WaterfallBuilder(context, strategy, adjustments, emergencyTarget, debtPlan).run();
    EmergencyFund emergencyFund =
        EmergencyFund.filling(
            emergencyTarget,
            emergencyMonths,
            state.balance(AccountType.CASH),
            waterfall.cashSaving());
    DebtPayoff debts = debtPlan.payoff(waterfall.extraDebtPayments(), profile.debtMethod());
    PrimaryGoal primary = PrimaryGoal.of(context, waterfall, emergencyFund, debts);
    OtherGoals otherGoals =
        new OtherGoals(
            new GoalChecks(goals).check(primary.goal(), waterfall, emergencyFund, debts),
            shortCapUntilAge(waterfall, adjustments));
    GlidePath glidePath =
        glidePath(strategy, adjustments, primary.goal(), otherGoals.shortCapUntilAge());
    Plan plan =
        new Plan(
            strategy.name(),
            waterfall.contributions(),
            debts.payments(),
            profile.debtMethod(),
            emergencyTarget,
            glidePath,
            List.of(),
            new StepWriter(context.request(), goals)
                .steps(waterfall, emergencyFund, debts, primary.goal(), glidePath),
            BigDecimal.ONE,
            0,
            Money.zeroUsd(),
            0.0);
    return new Draft(plan, waterfall, emergencyFund, debts, primary, otherGoals);
  }

  /**
   * The strategy's months, one more with dependents and another when they rely on one earner (not
   * filing jointly), plus any repair; between the policy's minimum and six.
   */
  private int emergencyMonths(Strategy.Profile profile, Adjustments adjustments) {
    int months = profile.emergencyMonths() + adjustments.emergencyFund().extraMonths();
    if (state.dependents() > 0) {
      months++;
      if (state.filingStatus() != FilingStatus.MARRIED_FILING_JOINTLY) {
        months++;
      }
    }
    int floor =
        context.policy().emergencyFundMonths().setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.max(floor, Math.min(EmergencyFund.MAX_MONTHS, months));
  }

  private Money emergencyTarget(int months) {
    Money target = state.expenses().essential().times(months);
    Optional<Goal> goal = goals.first(GoalType.EMERGENCY_FUND);
    return goal.map(g -> target.max(g.targetAmount())).orElse(target);
  }

  private GlidePath glidePath(
      Strategy strategy, Adjustments adjustments, ProjectedGoal primary, int shortCapUntilAge) {
    int age = state.age();
    BigDecimal cap =
        state
            .riskTolerance()
            .maxEquityShare()
            .subtract(adjustments.equity().cut())
            .max(BigDecimal.ZERO);
    return GlidePathBuilder.build(
        strategy,
        age,
        age + yearsTo(primary),
        primary.type() == GoalType.RETIREMENT,
        cap,
        shortCapUntilAge);
  }

  /** Whole years to the primary goal's date, at least one. */
  private int yearsTo(ProjectedGoal primary) {
    long months = Math.max(1, ChronoUnit.MONTHS.between(context.request().asOf(), primary.date()));
    return (int) Math.max(1, Math.round(months / 12.0));
  }

  /**
   * Equity is held to 30% until the latest near-term goal that the plan does not fully cover in
   * cash, or until every near-term goal when a repair asks for it.
   */
  private int shortCapUntilAge(Waterfall waterfall, Adjustments adjustments) {
    int until = state.age();
    for (Goal goal : goals.savingGoals()) {
      if (!goals.isShortHorizon(goal)) {
        continue;
      }
      boolean covered =
          waterfall.slices().stream().anyMatch(s -> goal.equals(s.goal()) && s.full());
      if (adjustments.equity().shortGoalCap() || !covered) {
        until = Math.max(until, state.age() + (goals.months(goal) + 11) / 12 + 1);
      }
    }
    return until;
  }
}
