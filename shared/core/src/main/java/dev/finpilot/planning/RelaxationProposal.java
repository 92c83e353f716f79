package dev.finpilot.planning;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A relaxation turned into a request the planner can plan as a version of its own: the goal a later
 * date or a lower target, the household a higher risk tolerance or lower discretionary spending,
 * everything else as asked (docs/planning.md, "Relaxed proposals").
 *
 * @param request the request with the relaxation applied
 * @param share how much of the owner's own figure the relaxation gives up: years added over years
 *     to the goal, target given up over the target, extra equity ceiling over the current one, or
 *     spending cut over discretionary spending; the smallest share is the smallest change
 * @param change what the proposal changes, in words and numbers
 */
public record RelaxationProposal(
    Relaxation relaxation, PlanningRequest request, double share, String change) {

  /**
   * The relaxations that can be planned as a version, smallest change first: those with a projected
   * success of at least {@code minSuccess} and a figure the request can take. A finding to resolve,
   * or a spending cut larger than discretionary spending, is left to the owner.
   */
  public static List<RelaxationProposal> ranked(
      PlanningRequest request, List<Relaxation> relaxations, double minSuccess) {
    List<RelaxationProposal> proposals = new ArrayList<>();
    Optional<Goal> primary = new GoalBook(request, 0).primary();
    if (primary.isEmpty()) {
      return proposals;
    }
    for (Relaxation r : relaxations) {
      if (r.successProbability() != null && r.successProbability() >= minSuccess) {
        of(r, request, primary.get()).ifPresent(proposals::add);
      }
    }
    proposals.sort(Comparator.comparingDouble(RelaxationProposal::share));
    return proposals;
  }

  private static Optional<RelaxationProposal> of(Relaxation r, PlanningRequest request, Goal goal) {
    return switch (r.kind()) {
      case EXTEND_GOAL_DATE -> Optional.of(later(r, request, goal));
      case LOWER_TARGET -> Optional.of(lower(r, request, goal));
      case ACCEPT_MORE_RISK -> riskier(r, request);
      case INCREASE_SAVINGS -> saveMore(r, request, goal);
      case REDUCE_EXPENSES, RESOLVE_FINDING -> Optional.empty();
    };
  }

  private static RelaxationProposal later(Relaxation r, PlanningRequest request, Goal goal) {
    int years = r.years();
    FinancialState state = request.state();
    Goal moved =
        new Goal(
            goal.type(),
            goal.targetAmount(),
            goal.basis(),
            goal.targetDate().plusYears(years),
            goal.priority(),
            goal.description());
    String retiring = "";
    if (goal.type() == GoalType.RETIREMENT && state.plannedRetirementAge() > 0) {
      int age = state.plannedRetirementAge();
      retiring = ", retiring at " + (age + years) + " instead of " + age;
      state = rebuilt(state, state.expenses(), state.riskTolerance(), age + years);
    }
    double horizon = Math.max(1, goal.horizonMonths(request.asOf())) / 12.0;
    return new RelaxationProposal(
        r,
        with(request, state, goal, moved),
        years / horizon,
        "moves '"
            + GoalBook.label(goal)
            + "' from "
            + goal.targetDate()
            + " to "
            + moved.targetDate()
            + " ("
            + years
            + (years == 1 ? " year" : " years")
            + " later"
            + retiring
            + ")");
  }

  private static RelaxationProposal lower(Relaxation r, PlanningRequest request, Goal goal) {
    Goal lowered =
        new Goal(
            goal.type(),
            r.amount(),
            goal.basis(),
            goal.targetDate(),
            goal.priority(),
            goal.description());
    BigDecimal target = goal.targetAmount().amount();
    double share =
        target.subtract(r.amount().amount()).divide(target, MathContext.DECIMAL64).doubleValue();
    return new RelaxationProposal(
        r,
        with(request, request.state(), goal, lowered),
        share,
        "lowers the target of '"
            + GoalBook.label(goal)
            + "' from "
            + Format.dollars(goal.targetAmount())
            + " to "
            + Format.dollars(r.amount()));
  }

  private static Optional<RelaxationProposal> riskier(Relaxation r, PlanningRequest request) {
    RiskTolerance current = request.state().riskTolerance();
    if (current == RiskTolerance.AGGRESSIVE) {
      return Optional.empty();
    }
    RiskTolerance next = RiskTolerance.values()[current.ordinal() + 1];
    BigDecimal from = current.maxEquityShare();
    double share =
        next.maxEquityShare().subtract(from).divide(from, MathContext.DECIMAL64).doubleValue();
    FinancialState s = request.state();
    FinancialState riskier = rebuilt(s, s.expenses(), next, s.plannedRetirementAge());
    return Optional.of(
        new RelaxationProposal(
            r,
            with(request, riskier, null, null),
            share,
            "takes "
                + (next == RiskTolerance.AGGRESSIVE ? "an " : "a ")
                + name(next)
                + " risk tolerance instead of "
                + name(current)
                + " (up to "
                + Format.percent(next.maxEquityShare())
                + " equities instead of "
                + Format.percent(from)
                + ")"));
  }

  /** More saving is discretionary spending given up, where there is that much of it. */
  private static Optional<RelaxationProposal> saveMore(
      Relaxation r, PlanningRequest request, Goal goal) {
    FinancialState s = request.state();
    MonthlyExpenses spent = s.expenses();
    Money discretionary = spent.discretionary();
    if (!discretionary.isPositive() || r.amount().isGreaterThan(discretionary)) {
      return Optional.empty();
    }
    Money left = discretionary.minus(r.amount());
    FinancialState thrifty =
        rebuilt(
            s,
            new MonthlyExpenses(spent.essential(), left, spent.housing()),
            s.riskTolerance(),
            s.plannedRetirementAge());
    double share =
        r.amount().amount().divide(discretionary.amount(), MathContext.DECIMAL64).doubleValue();
    return Optional.of(
        new RelaxationProposal(
            r,
            with(request, thrifty, null, null),
            share,
            "saves "
                + r.amount().formatted()
                + " a month more toward '"
                + GoalBook.label(goal)
                + "', discretionary spending falling from "
                + discretionary.formatted()
                + " to "
                + left.formatted()));
  }

  /** The household with the three figures a relaxation can change. */
  private static FinancialState rebuilt(
      FinancialState s, MonthlyExpenses expenses, RiskTolerance tolerance, int retirementAge) {
    return new FinancialState(
        s.age(),
        s.filingStatus(),
        s.annualIncome(),
        expenses,
        s.accounts(),
        s.employerMatch(),
        s.debts(),
        s.dependents(),
        tolerance,
        Math.min(FinancialState.MAX_AGE, retirementAge),
        s.hsaCoverage());
  }

  /** The request with {@code state}, and {@code replaced} swapped for {@code goal} if given. */
  private static PlanningRequest with(
      PlanningRequest request, FinancialState state, Goal replaced, Goal goal) {
    List<Goal> goals = new ArrayList<>(request.goals());
    if (replaced != null) {
      goals.set(goals.indexOf(replaced), goal);
    }
    return new PlanningRequest(
        state, goals, request.taxYear(), request.asOf(), request.assumptions());
  }

  private static String name(RiskTolerance tolerance) {
    return tolerance.name().toLowerCase(Locale.ROOT);
  }
}
