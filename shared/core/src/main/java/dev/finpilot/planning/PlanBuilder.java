package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a strategy (and any repairs) into a concrete plan for one request: the monthly waterfall,
 * debt payments in payoff order, the emergency-fund target, the glide path and dated steps.
 */
final class PlanBuilder {

  /** The emergency fund never targets more than this many months of essential expenses. */
  static final int MAX_EMERGENCY_MONTHS = 6;

  /** Months over which a missing starter fund is built. */
  static final int STARTER_FILL_MONTHS = 3;

  private static final Set<SavingBucket> INVESTMENT_BUCKETS =
      EnumSet.of(
          SavingBucket.EMPLOYER_MATCH,
          SavingBucket.HSA,
          SavingBucket.IRA,
          SavingBucket.EMPLOYER_PLAN,
          SavingBucket.TAXABLE);

  private final PlanningRequest request;
  private final FinancialState state;
  private final TaxYearLimits limits;
  private final VerificationPolicy policy;
  private final GoalBook goals;
  private final Budget budget;

  PlanBuilder(
      PlanningRequest request,
      TaxYearLimits limits,
      VerificationPolicy policy,
      GoalBook goals,
      Budget budget) {
    this.request = request;
    this.state = request.state();
    this.limits = limits;
    this.policy = policy;
    this.goals = goals;
    this.budget = budget;
  }

  Draft build(Strategy strategy, Adjustments adjustments) {
    Strategy.Profile profile = strategy.profile();
    BigDecimal cushion = adjustments.noCushion() ? BigDecimal.ZERO : profile.cushion();
    Money savingBudget = budget.savingBudget(cushion, adjustments.monthlyCut());
    ContributionRoom room = new ContributionRoom(request, limits, adjustments);
    int efMonths = emergencyMonths(profile, adjustments);
    Money efTarget = emergencyTarget(efMonths);
    DebtPlan debts = debtPlan(profile, adjustments);
    Waterfall waterfall = new Waterfall(strategy, adjustments, savingBudget, room, efTarget, debts);
    List<Slice> slices = waterfall.run();

    Money extra =
        sum(slices, SavingBucket.HIGH_INTEREST_DEBT).plus(sum(slices, SavingBucket.OTHER_DEBT));
    Map<String, Money> payments = debts.payments(extra);
    DebtSchedule.Result schedule =
        DebtSchedule.simulate(debts.simulated(), payments, debts.targeted().size());
    List<DebtPayment> debtPayments = new ArrayList<>();
    for (int i = 0; i < debts.order().size(); i++) {
      Debt debt = debts.order().get(i);
      debtPayments.add(new DebtPayment(debt.name(), payments.get(debt.name()), i + 1));
    }

    Money cash = state.balance(AccountType.CASH);
    Money cashMonthly =
        sum(slices, SavingBucket.STARTER_FUND).plus(sum(slices, SavingBucket.EMERGENCY_FUND));
    Money efGap = efTarget.minus(cash).max(Money.zeroUsd());
    int efFilled = monthsToCover(efGap, cashMonthly);

    Money match = employerMatch(sum(slices, SavingBucket.EMPLOYER_MATCH));
    ProjectedGoal primary = primaryGoal();
    boolean inCash = primaryInCash(primary);
    Money primaryExisting = primaryExisting(primary, efTarget);
    Money primaryMonthly =
        slices.stream()
            .filter(s -> servesPrimary(s, primary))
            .map(Slice::monthly)
            .reduce(Money.zeroUsd(), Money::plus);
    List<DebtSchedule.Release> releases = new ArrayList<>(schedule.releases());
    if (efFilled > 0) {
      releases.add(new DebtSchedule.Release(efFilled + 1, cashMonthly, "emergency fund full"));
    }
    for (Slice s : slices) {
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

    int age = state.age();
    int shortCapUntil = shortCapUntilAge(slices, adjustments);
    BigDecimal cap =
        state
            .riskTolerance()
            .maxEquityShare()
            .subtract(adjustments.equityCut())
            .max(BigDecimal.ZERO);
    GlidePath glidePath =
        GlidePathBuilder.build(
            strategy,
            age,
            age + yearsTo(primary),
            primary.type() == GoalType.RETIREMENT,
            cap,
            shortCapUntil);

    List<Contribution> contributions = contributions(slices);
    List<GoalCheck> checks =
        goalChecks(primary, slices, efTarget, cashMonthly, match, schedule, debts);
    String debtReason = debtReason(profile.debtMethod(), debts, extra);
    // The steps are written from the draft's schedule and the plan holds the steps, so the draft
    // is built without its plan first.
    Draft draft =
        new Draft(
            strategy,
            adjustments,
            null,
            savingBudget,
            slices,
            efMonths,
            efFilled,
            debts.order(),
            debts.targeted().size(),
            schedule,
            debtReason,
            match,
            releases,
            primary,
            primaryExisting,
            primaryMonthly,
            inCash,
            shortCapUntil,
            checks);
    return draft.withPlan(
        new Plan(
            strategy.name(),
            contributions,
            debtPayments,
            profile.debtMethod(),
            efTarget,
            glidePath,
            List.of(),
            new StepWriter(request, goals).steps(draft, efTarget, glidePath),
            BigDecimal.ONE,
            0,
            Money.zeroUsd(),
            0.0));
  }

  /**
   * The strategy's months, one more with dependents and another when they rely on one earner (not
   * filing jointly), plus any repair; between the policy's minimum and six.
   */
  private int emergencyMonths(Strategy.Profile profile, Adjustments adjustments) {
    int months = profile.emergencyMonths() + adjustments.extraEmergencyMonths();
    if (state.dependents() > 0) {
      months++;
      if (state.filingStatus() != FilingStatus.MARRIED_FILING_JOINTLY) {
        months++;
      }
    }
    int floor = policy.emergencyFundMonths().setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.max(floor, Math.min(MAX_EMERGENCY_MONTHS, months));
  }

  private Money emergencyTarget(int months) {
    Money target = state.expenses().essential().times(months);
    Optional<Goal> goal = goals.first(GoalType.EMERGENCY_FUND);
    return goal.map(g -> target.max(g.targetAmount())).orElse(target);
  }

  private Money employerMatch(Money deferral) {
    EmployerMatch match = state.employerMatch();
    if (!match.offered() || deferral.isZero()) {
      return Money.zeroUsd();
    }
    return deferral
        .min(match.monthlyDeferralForFullMatch(state.annualIncome()))
        .times(match.matchRate());
  }

  /** Which debts get extra payments, in which order, and the caps of the two debt buckets. */
  record DebtPlan(
      List<Debt> order,
      List<Debt> targeted,
      Money highInterestCap,
      String highInterestReason,
      Money otherCap,
      String otherReason) {

    /** The minimum on every debt, plus all extra on the first targeted debt still open. */
    Map<String, Money> payments(Money extra) {
      Map<String, Money> payments = new LinkedHashMap<>();
      for (Debt d : order) {
        payments.put(d.name(), d.minimumPayment());
      }
      Optional<Debt> first = targeted.stream().filter(d -> d.balance().isPositive()).findFirst();
      first.ifPresent(d -> payments.merge(d.name(), extra, Money::plus));
      return payments;
    }

    /** The debts the schedule follows: all but housing debt that gets no extra payments. */
    List<Debt> simulated() {
      return order.stream().filter(d -> targeted.contains(d) || !d.kind().isHousing()).toList();
    }
  }

  private DebtPlan debtPlan(Strategy.Profile profile, Adjustments adjustments) {
    DebtPayoffMethod method = profile.debtMethod();
    List<Debt> open = state.debts().stream().filter(d -> d.balance().isPositive()).toList();
    List<Debt> nonHousing = open.stream().filter(d -> !d.kind().isHousing()).toList();
    List<Debt> housing =
        DebtSchedule.order(
            state.debts().stream().filter(d -> d.kind().isHousing()).toList(), method);
    Optional<Goal> debtGoal = goals.first(GoalType.DEBT_PAYOFF);
    boolean allFirst =
        profile.allDebtsFirst() || adjustments.payDownAllDebt() || debtGoal.isPresent();
    List<Debt> candidates = new ArrayList<>(nonHousing);
    if (adjustments.payDownAllDebt() && nonHousing.isEmpty()) {
      candidates.addAll(open.stream().filter(d -> d.kind().isHousing()).toList());
    }
    List<Debt> targeted =
        DebtSchedule.order(
            allFirst ? candidates : nonHousing.stream().filter(Debt::isHighInterest).toList(),
            method);
    int otherMonths;
    String otherReason;
    if (debtGoal.isPresent()) {
      otherMonths = goals.months(debtGoal.get());
      otherReason = "pays every non-mortgage debt off by the debt-payoff goal's date";
    } else if (profile.allDebtsFirst()) {
      otherMonths = profile.debtPayoffMonths();
      otherReason = "the strategy clears every non-mortgage debt before investing";
    } else {
      otherMonths = 2 * profile.debtPayoffMonths();
      otherReason = "debt payments above the minimums bring the debt-to-income ratio down";
    }
    Money hiCap = Money.zeroUsd();
    Money otherCap = Money.zeroUsd();
    for (Debt d : targeted) {
      boolean high = d.isHighInterest() && !d.kind().isHousing();
      if (high || profile.allDebtsFirst()) {
        hiCap = hiCap.plus(extraFor(d, profile.debtPayoffMonths()));
      } else {
        otherCap = otherCap.plus(extraFor(d, otherMonths));
      }
    }
    String hiReason =
        profile.allDebtsFirst()
            ? "clears every non-mortgage debt within "
                + profile.debtPayoffMonths()
                + " months, "
                + method.name().toLowerCase(Locale.ROOT)
                + " order"
            : "pays debt above 8% APR off within " + profile.debtPayoffMonths() + " months";
    List<Debt> order = new ArrayList<>(targeted);
    for (Debt d : DebtSchedule.order(state.debts(), method)) {
      if (!order.contains(d) && !d.kind().isHousing()) {
        order.add(d);
      }
    }
    for (Debt d : housing) {
      if (!order.contains(d)) {
        order.add(d);
      }
    }
    return new DebtPlan(order, targeted, hiCap, hiReason, otherCap, otherReason);
  }

  private static Money extraFor(Debt debt, int months) {
    return DebtSchedule.amortisingPayment(debt.balance(), debt.apr(), months)
        .minus(debt.minimumPayment())
        .max(Money.zeroUsd());
  }

  /**
   * Why the payoff order: the interest of both orders at the same payments, so the plan can say
   * what avalanche saves or what snowball costs.
   */
  private String debtReason(DebtPayoffMethod method, DebtPlan debts, Money extra) {
    if (debts.targeted().isEmpty()) {
      return "no debt gets extra payments: every debt is at or below 8% APR, so minimums are"
          + " paid and the surplus is saved";
    }
    if (debts.targeted().size() == 1) {
      return "one debt gets the extra payments ("
          + debts.targeted().get(0).name()
          + "), so avalanche and snowball are the same order";
    }
    DebtPayoffMethod other =
        method == DebtPayoffMethod.AVALANCHE
            ? DebtPayoffMethod.SNOWBALL
            : DebtPayoffMethod.AVALANCHE;
    Money chosen = interest(debts, method, extra);
    Money alternative = interest(debts, other, extra);
    Money difference = alternative.minus(chosen);
    if (method == DebtPayoffMethod.AVALANCHE) {
      return "avalanche (highest APR first) costs "
          + Format.dollars(chosen)
          + " of interest, "
          + Format.dollars(difference)
          + " less than snowball";
    }
    return "snowball (smallest balance first) clears a debt sooner for motivation; it costs "
        + Format.dollars(chosen)
        + " of interest, "
        + Format.dollars(difference.negate())
        + " more than avalanche";
  }

  private Money interest(DebtPlan debts, DebtPayoffMethod method, Money extra) {
    List<Debt> targeted = DebtSchedule.order(debts.targeted(), method);
    List<Debt> order = new ArrayList<>(targeted);
    for (Debt d : debts.simulated()) {
      if (!order.contains(d)) {
        order.add(d);
      }
    }
    DebtPlan reordered = new DebtPlan(order, targeted, Money.zeroUsd(), "", Money.zeroUsd(), "");
    return DebtSchedule.simulate(order, reordered.payments(extra), targeted.size()).totalInterest();
  }

  /** Months until {@code monthly} covers {@code gap}: 0 when nothing is missing, -1 never. */
  private static int monthsToCover(Money gap, Money monthly) {
    if (!gap.isPositive()) {
      return 0;
    }
    if (!monthly.isPositive()) {
      return -1;
    }
    return gap.amount().divide(monthly.amount(), 0, RoundingMode.CEILING).intValueExact();
  }

  private ProjectedGoal primaryGoal() {
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

  private boolean primaryInCash(ProjectedGoal primary) {
    if (primary.goal() == null) {
      return false;
    }
    return primary.type() == GoalType.EMERGENCY_FUND
        || (GoalBook.isSavingGoal(primary.goal())
            && goals.accountFor(primary.goal()) == AccountType.CASH);
  }

  private Money primaryExisting(ProjectedGoal primary, Money efTarget) {
    if (primary.goal() == null) {
      return state.investedAssets();
    }
    return goals.existing(primary.goal(), efTarget);
  }

  private boolean servesPrimary(Slice slice, ProjectedGoal primary) {
    if (slice.isDebt()) {
      return false;
    }
    if (primary.goal() == null || primary.type() == GoalType.RETIREMENT) {
      return INVESTMENT_BUCKETS.contains(slice.bucket());
    }
    if (primary.type() == GoalType.EMERGENCY_FUND) {
      return slice.bucket() == SavingBucket.STARTER_FUND
          || slice.bucket() == SavingBucket.EMERGENCY_FUND;
    }
    return primary.goal().equals(slice.goal())
        || (slice.bucket() == SavingBucket.TAXABLE && goals.retirement().isEmpty());
  }

  /** Whole years to the primary goal's date, at least one. */
  private int yearsTo(ProjectedGoal primary) {
    long months = Math.max(1, ChronoUnit.MONTHS.between(request.asOf(), primary.date()));
    return (int) Math.max(1, Math.round(months / 12.0));
  }

  /**
   * Equity is held to 30% until the latest near-term goal that the plan does not fully cover in
   * cash, or until every near-term goal when a repair asks for it.
   */
  private int shortCapUntilAge(List<Slice> slices, Adjustments adjustments) {
    int until = state.age();
    for (Goal goal : goals.savingGoals()) {
      if (!goals.isShortHorizon(goal)) {
        continue;
      }
      boolean covered = slices.stream().anyMatch(s -> goal.equals(s.goal()) && s.full());
      if (adjustments.shortGoalEquityCap() || !covered) {
        until = Math.max(until, state.age() + (goals.months(goal) + 11) / 12 + 1);
      }
    }
    return until;
  }

  /** Contributions per account, in the order the waterfall first funded them. */
  private static List<Contribution> contributions(List<Slice> slices) {
    Map<AccountType, Money> byAccount = new LinkedHashMap<>();
    for (Slice s : slices) {
      if (!s.isDebt() && s.monthly().isPositive()) {
        byAccount.merge(s.account(), s.monthly(), Money::plus);
      }
    }
    List<Contribution> contributions = new ArrayList<>();
    byAccount.forEach((account, monthly) -> contributions.add(new Contribution(account, monthly)));
    return contributions;
  }

  private List<GoalCheck> goalChecks(
      ProjectedGoal primary,
      List<Slice> slices,
      Money efTarget,
      Money cashMonthly,
      Money match,
      DebtSchedule.Result schedule,
      DebtPlan debts) {
    List<GoalCheck> checks = new ArrayList<>();
    for (Goal goal : goals.byPriority()) {
      if (goal.equals(primary.goal())) {
        continue;
      }
      Money monthly;
      Money existing = goals.existing(goal, efTarget);
      switch (goal.type()) {
        case RETIREMENT -> {
          Money investing = Money.zeroUsd();
          for (Slice s : slices) {
            if (!s.isDebt() && INVESTMENT_BUCKETS.contains(s.bucket())) {
              investing = investing.plus(s.monthly());
            }
          }
          monthly = investing.plus(match);
        }
        case EMERGENCY_FUND -> monthly = cashMonthly;
        case DEBT_PAYOFF -> {
          checks.add(debtGoalCheck(goal, schedule, debts));
          continue;
        }
        default ->
            monthly =
                slices.stream()
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
  private GoalCheck debtGoalCheck(Goal goal, DebtSchedule.Result schedule, DebtPlan debts) {
    int months = goals.months(goal);
    Money total = Money.zeroUsd();
    Money cleared = Money.zeroUsd();
    for (Debt d : debts.targeted()) {
      total = total.plus(d.balance());
      DebtSchedule.Payoff payoff = schedule.payoff(d.name());
      if (payoff.paidOff() && payoff.month() <= months) {
        cleared = cleared.plus(d.balance());
      }
    }
    return new GoalCheck(
        GoalBook.label(goal), goal.type(), total, cleared, !cleared.isLessThan(total));
  }

  private static Money sum(List<Slice> slices, SavingBucket bucket) {
    return slices.stream()
        .filter(s -> s.bucket() == bucket)
        .map(Slice::monthly)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  /** The monthly waterfall of one strategy. */
  private final class Waterfall {
    private final Strategy strategy;
    private final Adjustments adjustments;
    private final ContributionRoom room;
    private final Money efTarget;
    private final DebtPlan debts;
    private final AccountType employerPlan;
    private final boolean employerPlanAvailable;
    private final List<Slice> slices = new ArrayList<>();
    private Money remaining;

    Waterfall(
        Strategy strategy,
        Adjustments adjustments,
        Money budget,
        ContributionRoom room,
        Money efTarget,
        DebtPlan debts) {
      this.strategy = strategy;
      this.adjustments = adjustments;
      this.remaining = budget;
      this.room = room;
      this.efTarget = efTarget;
      this.debts = debts;
      boolean has401k =
          state.accounts().stream().anyMatch(a -> a.type() == AccountType.EMPLOYER_401K);
      boolean has403b =
          state.accounts().stream().anyMatch(a -> a.type() == AccountType.EMPLOYER_403B);
      this.employerPlan =
          has403b && !has401k ? AccountType.EMPLOYER_403B : AccountType.EMPLOYER_401K;
      this.employerPlanAvailable = state.employerMatch().offered() || has401k || has403b;
    }

    List<Slice> run() {
      Strategy.Profile profile = strategy.profile();
      for (SavingBucket bucket :
          SavingBucket.order(profile.taxAdvantagedOrder(), adjustments.emergencyFundFirst())) {
        switch (bucket) {
          case EMPLOYER_MATCH -> employerMatch();
          case STARTER_FUND -> starterFund();
          case HIGH_INTEREST_DEBT ->
              debt(
                  bucket,
                  debts.highInterestCap(),
                  "pays debt above 8% APR off within " + profile.debtPayoffMonths() + " months");
          case EMERGENCY_FUND -> emergencyFund(profile);
          case OTHER_DEBT -> debt(bucket, debts.otherCap(), debts.otherReason());
          case PRIORITY_GOALS -> goals(true);
          case HSA -> hsa();
          case IRA -> ira(profile);
          case EMPLOYER_PLAN -> employerPlan();
          case LATER_GOALS -> goals(false);
          case TAXABLE -> taxable();
        }
      }
      return slices;
    }

    private void take(
        SavingBucket bucket,
        AccountType account,
        String debt,
        Goal goal,
        Money cap,
        String reason) {
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
        total = total.plus(sum(slices, b));
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
      Money gap = policy.starterEmergencyFund().min(efTarget).minus(cash).max(Money.zeroUsd());
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

    private void emergencyFund(Strategy.Profile profile) {
      Money gap = efTarget.minus(state.balance(AccountType.CASH)).max(Money.zeroUsd());
      int fill = profile.emergencyFillMonths();
      if (adjustments.emergencyFundFirst()) {
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
              + Format.dollars(efTarget)
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
        Money existing = goals.existing(goal, efTarget);
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

    private void ira(Strategy.Profile profile) {
      if (!retirementAccounts() || !state.annualIncome().isPositive()) {
        return;
      }
      Money shared = room.iraAnnual();
      Money preTax =
          taken(SavingBucket.EMPLOYER_MATCH, SavingBucket.EMPLOYER_PLAN, SavingBucket.HSA)
              .plus(laterDeferrals(profile, ContributionRoom.monthly(shared)))
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
     * The employer-plan deferrals still to come when the plan's bucket follows the IRA, assuming
     * the IRA takes its whole limit: the least they can be, so the MAGI estimate is the highest the
     * final plan can have and the Roth room computed from it is always allowed.
     */
    private Money laterDeferrals(Strategy.Profile profile, Money iraMonthly) {
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
      String room = Format.dollars(allowed) + " allowed for " + request.taxYear();
      return type == AccountType.ROTH_IRA
          ? "Roth IRA (" + room + " at the estimated MAGI): tax-free growth; " + why
          : "deductible traditional IRA (" + room + "): deduction now; " + why;
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
  }

  static Money divideUp(Money amount, int parts) {
    return Money.usd(amount.amount().divide(BigDecimal.valueOf(parts), 2, RoundingMode.CEILING));
  }
}
