package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the monthly waterfall of one strategy: the saving budget flows through the {@link
 * SavingBucket buckets} in the strategy's order, each taking up to its cap, until the money runs
 * out. Single use: build one per draft.
 */
final class WaterfallBuilder {

  /** Months over which a missing starter fund is built. */
  static final int STARTER_FILL_MONTHS = 3;

  private final PlanningRequest request;
  private final FinancialState state;
  private final VerificationPolicy policy;
  private final GoalBook goals;
  private final Strategy.Profile profile;
  private final Adjustments adjustments;
  private final ContributionRoom room;
  private final Money emergencyTarget;
  private final DebtPlan debts;
  private final AccountType employerPlan;
  private final boolean employerPlanAvailable;
  private final Money savingBudget;
  private final List<Slice> slices = new ArrayList<>();
  private Money remaining;

  WaterfallBuilder(
      PlanningContext context,
      Strategy strategy,
      Adjustments adjustments,
      Money emergencyTarget,
      DebtPlan debts) {
    this.request = context.request();
    this.state = context.state();
    this.policy = context.policy();
    this.goals = context.goals();
    this.profile = strategy.profile();
    this.adjustments = adjustments;
    this.room = new ContributionRoom(request, context.limits(), adjustments.limits());
    this.emergencyTarget = emergencyTarget;
    this.debts = debts;
    boolean has401k =
        state.accounts().stream().anyMatch(a -> a.type() == AccountType.EMPLOYER_401K);
    boolean has403b =
        state.accounts().stream().anyMatch(a -> a.type() == AccountType.EMPLOYER_403B);
    this.employerPlan = has403b && !has401k ? AccountType.EMPLOYER_403B : AccountType.EMPLOYER_401K;
    this.employerPlanAvailable = state.employerMatch().offered() || has401k || has403b;
    BigDecimal cushion = adjustments.budget().noCushion() ? BigDecimal.ZERO : profile.cushion();
    this.savingBudget = context.budget().savingBudget(cushion, adjustments.budget().monthlyCut());
    this.remaining = savingBudget;
  }

  Waterfall run() {
    for (SavingBucket bucket :
        SavingBucket.order(profile.taxAdvantagedOrder(), adjustments.emergencyFund().first())) {
      switch (bucket) {
        case EMPLOYER_MATCH -> employerMatch();
        case STARTER_FUND -> starterFund();
        case HIGH_INTEREST_DEBT ->
            debt(
                bucket,
                debts.highInterestCap(),
                "pays debt above 8% APR off within " + profile.debtPayoffMonths() + " months");
        case EMERGENCY_FUND -> emergencyFund();
        case OTHER_DEBT -> debt(bucket, debts.otherCap(), debts.otherReason());
        case PRIORITY_GOALS -> goals(true);
        case HSA -> hsa();
        case IRA -> ira();
        case EMPLOYER_PLAN -> employerPlan();
        case LATER_GOALS -> goals(false);
        case TAXABLE -> taxable();
      }
    }
    return new Waterfall(savingBudget, slices, matchOn(taken(SavingBucket.EMPLOYER_MATCH)));
  }

  /** The employer's monthly match on a monthly deferral. */
  private Money matchOn(Money deferral) {
    EmployerMatch match = state.employerMatch();
    if (!match.offered() || deferral.isZero()) {
      return Money.zeroUsd();
    }
    return deferral
        .min(match.monthlyDeferralForFullMatch(state.annualIncome()))
        .times(match.matchRate());
  }

  private void take(
      SavingBucket bucket, AccountType account, String debt, Goal goal, Money cap, String reason) {
    if (!cap.isPositive()) {
      return;
    }
    Money amount = cap.min(remaining);
    remaining = remaining.minus(amount);
    slices.add(new Slice(bucket, account, debt, goal, amount, cap, reason));
  }

  private Money taken(SavingBucket... buckets) {
    Money total = Money.zeroUsd();
    for (SavingBucket b : buckets) {
      total = total.plus(Waterfall.total(slices, b));
    }
    return total;
  }

  private void employerMatch() {
    EmployerMatch match = state.employerMatch();
    if (!match.offered() || !employerPlanAvailable) {
      return;
    }
    Money cap =
        match
            .monthlyDeferralForFullMatch(state.annualIncome())
            .min(ContributionRoom.monthly(room.employerPlanAnnual()));
    take(
        SavingBucket.EMPLOYER_MATCH,
        employerPlan,
        null,
        null,
        cap,
        "captures the full employer match ("
            + Format.percent(match.matchRate())
            + " of deferrals up to "
            + Format.percent(match.upToShareOfSalary())
            + " of pay): an instant "
            + Format.percent(match.matchRate())
            + " return");
  }

  private void starterFund() {
    Money cash = state.balance(AccountType.CASH);
    Money gap = policy.starterEmergencyFund().min(emergencyTarget).minus(cash).max(Money.zeroUsd());
    Money cap = divideUp(gap, STARTER_FILL_MONTHS);
    take(
        SavingBucket.STARTER_FUND,
        AccountType.CASH,
        null,
        null,
        cap,
        "builds the "
            + Format.dollars(policy.starterEmergencyFund())
            + " starter fund within "
            + STARTER_FILL_MONTHS
            + " months before extra debt"
            + " payments");
  }

  private void debt(SavingBucket bucket, Money cap, String reason) {
    Optional<Debt> first =
        debts.targeted().stream().filter(d -> d.balance().isPositive()).findFirst();
    if (first.isEmpty()) {
      return;
    }
    take(
        bucket,
        null,
        first.get().name(),
        null,
        cap,
        reason + "; all extra goes to " + first.get().name() + ", first in the payoff order");
  }

  private void emergencyFund() {
    Money gap = emergencyTarget.minus(state.balance(AccountType.CASH)).max(Money.zeroUsd());
    int fill = profile.emergencyFillMonths();
    if (adjustments.emergencyFund().first()) {
      fill = Math.max(1, fill / 2);
    }
    Optional<Goal> goal = goals.first(GoalType.EMERGENCY_FUND);
    if (goal.isPresent()) {
      fill = Math.min(fill, goals.months(goal.get()));
    }
    Money cap = divideUp(gap, fill).minus(taken(SavingBucket.STARTER_FUND)).max(Money.zeroUsd());
    take(
        SavingBucket.EMERGENCY_FUND,
        AccountType.CASH,
        null,
        goal.orElse(null),
        cap,
        "fills the emergency fund to "
            + Format.dollars(emergencyTarget)
            + " within "
            + fill
            + " months");
  }

  private void goals(boolean ahead) {
    for (Goal goal : goals.savingGoals()) {
      if (goals.aheadOfRetirement(goal) != ahead) {
        continue;
      }
      AccountType account = goals.accountFor(goal);
      Money existing = goals.existing(goal, emergencyTarget);
      Money cap = goals.requiredMonthly(goal, existing, goals.assumedReturn(goal));
      take(
          ahead ? SavingBucket.PRIORITY_GOALS : SavingBucket.LATER_GOALS,
          account,
          null,
          goal,
          cap,
          "saves for '"
              + GoalBook.label(goal)
              + "' ("
              + Format.dollars(goal.targetAmount())
              + " by "
              + goal.targetDate()
              + ") in the "
              + Format.account(account));
    }
  }

  private boolean retirementAccounts() {
    return goals.retirement().isPresent();
  }

  private void hsa() {
    if (!retirementAccounts() || state.hsaCoverage() == HsaCoverage.NONE) {
      return;
    }
    Money annual = room.hsaAnnual();
    take(
        SavingBucket.HSA,
        AccountType.HSA,
        null,
        null,
        ContributionRoom.monthly(annual),
        "HSA up to the "
            + request.taxYear()
            + " limit of "
            + Format.dollars(annual)
            + ": deductible, tax-free growth and tax-free for medical costs");
  }

  private void ira() {
    if (!retirementAccounts() || !state.annualIncome().isPositive()) {
      return;
    }
    Money shared = room.iraAnnual();
    Money preTax =
        taken(SavingBucket.EMPLOYER_MATCH, SavingBucket.EMPLOYER_PLAN, SavingBucket.HSA)
            .plus(laterDeferrals(ContributionRoom.monthly(shared)))
            .times(12);
    Money magi = state.annualIncome().minus(preTax).max(Money.zeroUsd());
    Money roth = room.rothAnnual(magi);
    Money traditional = room.deductibleTraditionalAnnual(magi, employerPlanAvailable);
    BigDecimal marginal = room.marginalRate(preTax);
    boolean preferRoth = marginal.compareTo(profile.rothBracketCeiling()) <= 0;
    String why =
        "marginal federal rate "
            + Format.percent(marginal)
            + (preferRoth ? " is at or below " : " is above ")
            + Format.percent(profile.rothBracketCeiling());
    AccountType first = preferRoth ? AccountType.ROTH_IRA : AccountType.TRADITIONAL_IRA;
    AccountType second = preferRoth ? AccountType.TRADITIONAL_IRA : AccountType.ROTH_IRA;
    Money firstRoom = first == AccountType.ROTH_IRA ? roth : traditional;
    Money secondRoom = second == AccountType.ROTH_IRA ? roth : traditional;
    Money sharedMonthly = ContributionRoom.monthly(shared);
    take(
        SavingBucket.IRA,
        first,
        null,
        null,
        ContributionRoom.monthly(firstRoom.min(shared)),
        iraReason(first, why, firstRoom));
    Money used = taken(SavingBucket.IRA);
    take(
        SavingBucket.IRA,
        second,
        null,
        null,
        ContributionRoom.monthly(secondRoom.min(shared)).min(sharedMonthly.minus(used)),
        iraReason(second, why, secondRoom));
  }

  /**
   * The employer-plan deferrals still to come when the plan's bucket follows the IRA, assuming the
   * IRA takes its whole limit: the least they can be, so the MAGI estimate is the highest the final
   * plan can have and the Roth room computed from it is always allowed.
   */
  private Money laterDeferrals(Money iraMonthly) {
    List<SavingBucket> order = profile.taxAdvantagedOrder();
    if (!employerPlanAvailable
        || order.indexOf(SavingBucket.EMPLOYER_PLAN) < order.indexOf(SavingBucket.IRA)) {
      return Money.zeroUsd();
    }
    Money planRoom =
        ContributionRoom.monthly(room.employerPlanAnnual())
            .minus(taken(SavingBucket.EMPLOYER_MATCH))
            .max(Money.zeroUsd());
    return remaining.minus(iraMonthly).max(Money.zeroUsd()).min(planRoom);
  }

  private String iraReason(AccountType type, String why, Money allowed) {
    String allowance = Format.dollars(allowed) + " allowed for " + request.taxYear();
    return type == AccountType.ROTH_IRA
        ? "Roth IRA (" + allowance + " at the estimated MAGI): tax-free growth; " + why
        : "deductible traditional IRA (" + allowance + "): deduction now; " + why;
  }

  private void employerPlan() {
    if (!retirementAccounts() || !employerPlanAvailable) {
      return;
    }
    Money annual = room.employerPlanAnnual();
    Money cap =
        ContributionRoom.monthly(annual)
            .minus(taken(SavingBucket.EMPLOYER_MATCH))
            .max(Money.zeroUsd());
    take(
        SavingBucket.EMPLOYER_PLAN,
        employerPlan,
        null,
        null,
        cap,
        Format.account(employerPlan)
            + " deferrals up to the "
            + request.taxYear()
            + " limit of "
            + Format.dollars(annual)
            + " for age "
            + room.ageForLimits());
  }

  private void taxable() {
    take(
        SavingBucket.TAXABLE,
        AccountType.TAXABLE_BROKERAGE,
        null,
        null,
        remaining,
        "the rest of the budget, once every tax-advantaged account is full");
  }

  private static Money divideUp(Money amount, int parts) {
    return Money.usd(amount.amount().divide(BigDecimal.valueOf(parts), 2, RoundingMode.CEILING));
  }
}
