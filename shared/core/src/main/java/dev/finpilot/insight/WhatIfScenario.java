package dev.finpilot.insight;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ScenarioGenerator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link Change} applied to one version: the changed projection request, plan and planning
 * request, next to the version's own. Path {@code p} sees the same markets on both sides in their
 * common years, and the current side is the version's stored projection (at its own paths).
 */
final class WhatIfScenario {

  private final PlanSubject subject;
  private final Change change;
  private final ProjectionInputs inputs;
  private final int months;
  private final int changedMonths;
  private final int changedYears;

  private WhatIfScenario(PlanSubject subject, Change change, int months, int changedMonths) {
    this.subject = subject;
    this.change = change;
    this.inputs = subject.projection().inputs();
    this.months = months;
    this.changedMonths = changedMonths;
    this.changedYears = (changedMonths + 11) / 12;
  }

  /**
   * @throws ValidationException naming {@code change.goalYears} when the moved date is less than a
   *     year away or beyond the horizon and age limits
   */
  static WhatIfScenario of(PlanSubject subject, Change change) {
    ProjectionInputs inputs = subject.projection().inputs();
    int months = goalMonths(subject);
    int shift = change.goalYears() == null ? 0 : change.goalYears();
    int changedMonths = months + 12 * shift;
    if (shift != 0) {
      List<FieldError> errors = dateErrors(subject, shift, changedMonths, inputs.startAge());
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
    }
    return new WhatIfScenario(subject, change, months, changedMonths);
  }

  /**
   * Months from {@code asOf} to the goal date as the planner counted them; the stored horizon in
   * whole years when the version's date and horizon disagree (a version planned on other rules).
   */
  private static int goalMonths(PlanSubject subject) {
    PlanProjection projection = subject.projection();
    int years = projection.inputs().years();
    if (projection.targetDate() == null) {
      return 12 * years;
    }
    int months =
        (int) Math.max(1, ChronoUnit.MONTHS.between(subject.request().asOf(), goalDate(subject)));
    return (months + 11) / 12 == years ? months : 12 * years;
  }

  private static LocalDate goalDate(PlanSubject subject) {
    return subject.projection().targetDate();
  }

  private static List<FieldError> dateErrors(
      PlanSubject subject, int shift, int changedMonths, int startAge) {
    LocalDate asOf = subject.request().asOf();
    LocalDate moved = movedDate(subject, shift, changedMonths);
    int goalAge = startAge + (changedMonths + 11) / 12;
    String field = "change.goalYears";
    List<FieldError> errors = new ArrayList<>();
    if (moved.isBefore(asOf.plusYears(1))) {
      errors.add(
          new FieldError(
              field,
              "moves the goal date to "
                  + moved
                  + ", less than one year after "
                  + asOf
                  + "; the earliest is "
                  + asOf.plusYears(1)));
    } else if (moved.isAfter(asOf.plusYears(Goal.MAX_HORIZON_YEARS))) {
      errors.add(
          new FieldError(
              field,
              "moves the goal date to "
                  + moved
                  + ", beyond the "
                  + Goal.MAX_HORIZON_YEARS
                  + "-year horizon limit ("
                  + asOf.plusYears(Goal.MAX_HORIZON_YEARS)
                  + ")"));
    } else if (goalAge > FinancialState.MAX_AGE) {
      errors.add(
          new FieldError(
              field,
              "moves the goal to age "
                  + goalAge
                  + ", beyond the age limit of "
                  + FinancialState.MAX_AGE));
    }
    return errors;
  }

  private static LocalDate movedDate(PlanSubject subject, int shift, int changedMonths) {
    return goalDate(subject) == null
        ? subject.request().asOf().plusMonths(changedMonths)
        : goalDate(subject).plusYears(shift);
  }

  LocalDate changedGoalDate() {
    return movedDate(subject, shift(), changedMonths);
  }

  /** The version's projection at {@code paths}. */
  ProjectionRequest current(int paths) {
    return subject.baseline().generator(generator()).paths(paths).build();
  }

  /** The changed projection at {@code paths}, with the same seed and draws as {@link #current}. */
  ProjectionRequest changed(int paths) {
    ScenarioGenerator returns = generator();
    if (change.marketFall() != null) {
      returns = returns.equitiesInFirstYear(-change.marketFall().doubleValue());
    }
    if (change.extraInflation() != null) {
      returns = returns.extraInflation(change.extraInflation().doubleValue());
    }
    ProjectionRequest.Builder builder =
        subject.baseline().generator(returns).paths(paths).years(changedYears);
    if (change.goalYears() != null || change.monthlySaving() != null) {
      builder.cashFlows(cashFlows());
    }
    if (change.lumpSum() != null) {
      builder.startingBalance(Math.max(0, inputs.startingBalance() + change.lumpSum().toDouble()));
    }
    if (change.allocation() != null) {
      builder.allocation(change.allocation());
    } else if (shift() != 0) {
      builder.glidePath(shifted(inputs.glidePath()));
    }
    return builder.build();
  }

  private int shift() {
    return change.goalYears() == null ? 0 : change.goalYears();
  }

  /**
   * The glide path moved with the goal date: the allocation held {@code n} years before the goal
   * stays the one held {@code n} years before it, so a later date keeps the portfolio invested for
   * longer (the years added at the start keep today's allocation) and an earlier one de-risks
   * sooner.
   */
  private GlidePath shifted(GlidePath path) {
    int shift = shift();
    int startAge = inputs.startAge();
    List<GlidePath.Point> points = new ArrayList<>();
    if (shift > 0) {
      points.add(new GlidePath.Point(startAge, path.allocationAt(startAge)));
    }
    for (GlidePath.Point p : path.points()) {
      points.add(new GlidePath.Point(p.age() + shift, p.allocation()));
    }
    return new GlidePath(points);
  }

  /**
   * The version's returns, each path drawing the version's own years from the seed's stream (so the
   * current side is the stored projection) and any added years from a second stream.
   */
  private ScenarioGenerator generator() {
    return ScenarioGenerator.over(subject.generator()).sharingYears(inputs.years(), inputs.seed());
  }

  /**
   * The contributions in today's dollars, year by year, over the changed horizon. Each year's
   * monthly rate is kept (the last year's rate continues into added years); a year's amount is its
   * rate times its months before the goal date, plus the change's monthly saving for those months,
   * never below zero. Withdrawals and nominal flows are kept as they are.
   */
  private List<CashFlow> cashFlows() {
    List<CashFlow> kept = new ArrayList<>();
    double[] annual = new double[inputs.years()];
    for (CashFlow flow : inputs.cashFlows()) {
      boolean indexedContribution =
          flow.direction() == CashFlow.Direction.CONTRIBUTION
              && flow.basis() == ValueBasis.TODAYS_DOLLARS;
      if (!indexedContribution) {
        kept.add(flow);
        continue;
      }
      for (int y = 0; y < annual.length; y++) {
        int age = inputs.startAge() + y;
        if (age >= flow.fromAge() && age < flow.untilAge()) {
          annual[y] += flow.annualAmount();
        }
      }
    }
    double extra = change.monthlySaving() == null ? 0 : change.monthlySaving().toDouble();
    double[] changed = new double[changedYears];
    for (int y = 0; y < changedYears; y++) {
      int monthsThen = monthsIn(y, changedMonths);
      int last = Math.min(y, annual.length - 1);
      double amount =
          y < annual.length && monthsIn(y, months) == monthsThen
              ? annual[y]
              : annual[last] / monthsIn(last, months) * monthsThen;
      changed[y] = Math.max(0, amount + extra * monthsThen);
    }
    kept.addAll(ranges(changed, inputs.startAge()));
    return kept;
  }

  private static int monthsIn(int year, int totalMonths) {
    return Math.min(12, totalMonths - 12 * year);
  }

  /** Equal consecutive years merged into one contribution each; years of zero left out. */
  private static List<CashFlow> ranges(double[] annual, int startAge) {
    List<CashFlow> flows = new ArrayList<>();
    int from = 0;
    for (int y = 1; y <= annual.length; y++) {
      if (y == annual.length || annual[y] != annual[from]) {
        if (annual[from] > 0) {
          flows.add(
              CashFlow.contribution(
                  annual[from], startAge + from, startAge + y, ValueBasis.TODAYS_DOLLARS));
        }
        from = y;
      }
    }
    return flows;
  }

  /**
   * The plan the change describes, for the verifier: more saving goes to the account that holds the
   * goal's money (cash for an emergency fund, else a taxable brokerage account, which has no
   * limit), less saving is taken from the plan's contributions last to first (lowest priority
   * first); a fixed allocation replaces the glide path, a moved date moves it; the success
   * probability is the changed projection's.
   */
  Plan plan(double successProbability) {
    Plan plan = subject.plan();
    List<Contribution> contributions = plan.contributions();
    if (change.monthlySaving() != null) {
      contributions = contributions(contributions, change.monthlySaving());
    }
    GlidePath glidePath =
        change.allocation() != null
            ? GlidePath.constant(subject.request().state().age(), change.allocation())
            : shifted(plan.glidePath());
    return new Plan(
        plan.strategy(),
        contributions,
        plan.debtPayments(),
        plan.debtPayoffMethod(),
        plan.emergencyFundTarget(),
        glidePath,
        plan.withdrawals(),
        plan.steps(),
        plan.leverage(),
        plan.dayTradesPerWeek(),
        plan.privatePlacements(),
        successProbability);
  }

  private List<Contribution> contributions(List<Contribution> planned, Money monthly) {
    List<Contribution> result = new ArrayList<>(planned);
    if (monthly.isPositive()) {
      AccountType account =
          subject.projection().goalType() == GoalType.EMERGENCY_FUND
              ? AccountType.CASH
              : AccountType.TAXABLE_BROKERAGE;
      result.add(new Contribution(account, monthly));
      return result;
    }
    Money toRemove = monthly.negate();
    for (int i = result.size() - 1; i >= 0 && toRemove.isPositive(); i--) {
      Contribution c = result.get(i);
      Money taken = c.monthlyAmount().min(toRemove);
      toRemove = toRemove.minus(taken);
      result.set(i, new Contribution(c.account(), c.monthlyAmount().minus(taken)));
    }
    return result;
  }

  /**
   * The planning request the change describes: a moved goal date moves the projected goal (and, for
   * retirement, the planned retirement age with it); other changes leave the request as it is.
   */
  PlanningRequest request() {
    PlanningRequest request = subject.request();
    int shift = shift();
    if (shift == 0) {
      return request;
    }
    PlanProjection projection = subject.projection();
    List<Goal> goals = new ArrayList<>();
    for (Goal g : request.goals()) {
      boolean projected =
          g.type() == projection.goalType() && g.targetDate().equals(projection.targetDate());
      goals.add(
          projected
              ? new Goal(
                  g.type(),
                  g.targetAmount(),
                  g.basis(),
                  changedGoalDate(),
                  g.priority(),
                  g.description())
              : g);
    }
    FinancialState s = request.state();
    int retirementAge =
        projection.goalType() == GoalType.RETIREMENT
            ? Math.min(FinancialState.MAX_AGE, Math.max(s.age(), s.plannedRetirementAge() + shift))
            : s.plannedRetirementAge();
    FinancialState state =
        new FinancialState(
            s.age(),
            s.filingStatus(),
            s.annualIncome(),
            s.expenses(),
            s.accounts(),
            s.employerMatch(),
            s.debts(),
            s.dependents(),
            s.riskTolerance(),
            retirementAge,
            s.hsaCoverage());
    return new PlanningRequest(
        state, goals, request.taxYear(), request.asOf(), request.assumptions());
  }
}
