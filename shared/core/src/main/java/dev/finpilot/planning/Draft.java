package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.util.List;

/**
 * A strategy's plan with the working behind it, which the search projects, scores, repairs and
 * explains.
 *
 * @param savingBudget what the strategy planned with (the surplus less its cushion)
 * @param slices the waterfall, in priority order
 * @param emergencyMonths months of essential expenses the emergency-fund target holds
 * @param emergencyFilledMonth the month cash reaches the target: 0 when it already has, -1 when the
 *     plan sends nothing to cash
 * @param payoffOrder every debt in the plan's payment order
 * @param targetedDebts how many of the first debts in the order get extra payments
 * @param debtReason why this payoff order, with the interest it saves or costs
 * @param employerMatch the employer's monthly match at the planned deferral
 * @param releases money freed later (debts paid off, emergency fund full, goals reached), which the
 *     projection redirects to the primary goal
 * @param primaryExisting balances earmarked for the primary goal
 * @param primaryMonthly the household's monthly saving toward the primary goal today
 * @param primaryInCash whether the primary goal's money is held in cash
 * @param shortCapUntilAge ages below this hold at most 30% equity; the current age for none
 * @param goalChecks feasibility of every goal but the projected one
 */
record Draft(
    Strategy strategy,
    Adjustments adjustments,
    Plan plan,
    Money savingBudget,
    List<Slice> slices,
    int emergencyMonths,
    int emergencyFilledMonth,
    List<Debt> payoffOrder,
    int targetedDebts,
    DebtSchedule.Result debtSchedule,
    String debtReason,
    Money employerMatch,
    List<DebtSchedule.Release> releases,
    ProjectedGoal primary,
    Money primaryExisting,
    Money primaryMonthly,
    boolean primaryInCash,
    int shortCapUntilAge,
    List<GoalCheck> goalChecks) {

  Draft {
    slices = List.copyOf(slices);
    payoffOrder = List.copyOf(payoffOrder);
    releases = List.copyOf(releases);
    goalChecks = List.copyOf(goalChecks);
  }

  Draft withPlan(Plan built) {
    return new Draft(
        strategy,
        adjustments,
        built,
        savingBudget,
        slices,
        emergencyMonths,
        emergencyFilledMonth,
        payoffOrder,
        targetedDebts,
        debtSchedule,
        debtReason,
        employerMatch,
        releases,
        primary,
        primaryExisting,
        primaryMonthly,
        primaryInCash,
        shortCapUntilAge,
        goalChecks);
  }

  Money total(SavingBucket bucket) {
    return slices.stream()
        .filter(s -> s.bucket() == bucket)
        .map(Slice::monthly)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  /** Everything planned a month: contributions plus extra debt payments. */
  Money planned() {
    return slices.stream().map(Slice::monthly).reduce(Money.zeroUsd(), Money::plus);
  }
}
