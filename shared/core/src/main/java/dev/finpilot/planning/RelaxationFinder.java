package dev.finpilot.planning;

import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.planning.GoalProjector.Variation;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds, for a plan that cannot pass, the smallest change of each kind that would let it: more
 * monthly saving, a later goal date, a lower target, a higher risk tolerance, lower spending, and
 * the household findings no plan can clear. Each is searched on the best candidate's own projection
 * (same seed, so the comparison is exact), on at most {@link #SEARCH_PATHS} paths, then confirmed
 * with the full path count.
 */
final class RelaxationFinder {

  static final int SEARCH_PATHS = 2_000;
  static final int MAX_EXTENSION_YEARS = 15;
  static final int BISECTION_STEPS = 16;

  /** The relaxed plan aims this far above the minimum, clear of the sampling error. */
  static final double MARGIN = 0.01;

  private final PlanningRequest request;
  private final PlanningOptions options;
  private final GoalProjector projector;
  private final long seed;
  private final double threshold;

  RelaxationFinder(
      PlanningRequest request,
      PlanningOptions options,
      GoalProjector projector,
      long seed,
      double minSuccess) {
    this.request = request;
    this.options = options;
    this.projector = projector;
    this.seed = seed;
    this.threshold = Math.min(1.0, minSuccess + MARGIN);
  }

  List<Relaxation> find(Draft draft, double success, VerificationReport report, Budget budget) {
    List<Relaxation> relaxations = new ArrayList<>();
    if (!budget.surplus().isPositive()) {
      Money deficit = budget.surplus().negate();
      relaxations.add(
          new Relaxation(
              Relaxation.Kind.REDUCE_EXPENSES,
              "Cut spending or raise income by at least "
                  + (deficit.max(Money.usd(1))).formatted()
                  + " a month: expenses and minimum debt payments use up all after-tax income ("
                  + budget.afterTaxIncome().formatted()
                  + "), leaving nothing to save",
              deficit,
              null,
              null));
    }
    if (success < threshold && draft.primary().goal().target().isPositive()) {
      savings(draft, budget).ifPresent(relaxations::add);
      extension(draft).ifPresent(relaxations::add);
      lowerTarget(draft).ifPresent(relaxations::add);
      moreRisk(draft, success).ifPresent(relaxations::add);
    }
    for (Finding f : report.violations()) {
      if (f.severity().rejects()
          && f.code() != RuleCode.LOW_SUCCESS_PROBABILITY
          && f.code() != RuleCode.CASH_FLOW_NEGATIVE) {
        relaxations.add(
            new Relaxation(
                Relaxation.Kind.RESOLVE_FINDING,
                f.code() + ": " + f.remediation(),
                null,
                null,
                null));
      }
    }
    return relaxations;
  }

  private double success(Draft draft, Variation variation, int paths) {
    ProjectionRequest r = projector.request(draft, variation, paths, options.generator(), seed);
    return ProjectionEngine.project(r).successProbability();
  }

  private int searchPaths() {
    return Math.min(options.paths(), SEARCH_PATHS);
  }

  private Optional<Relaxation> savings(Draft draft, Budget budget) {
    ProjectedGoal goal = draft.primary().goal();
    int months = projector.goalMonths(goal);
    double hi = Math.max(100.0, goal.target().toDouble() / months);
    int doublings = 0;
    while (success(draft, extra(hi), searchPaths()) < threshold) {
      if (++doublings > 12) {
        return Optional.empty();
      }
      hi *= 2;
    }
    double lo = 0;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (lo + hi) / 2;
      if (success(draft, extra(mid), searchPaths()) >= threshold) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    Money more = roundUp(hi, 10);
    double confirmed = success(draft, new Variation(more, 0, null, null), options.paths());
    Money room = budget.surplus().minus(draft.waterfall().planned()).max(Money.zeroUsd());
    String funding =
        more.isGreaterThan(room)
            ? ": that is "
                + more.minus(room).formatted()
                + " a month more than the budget leaves,"
                + " so spending would have to fall (or income rise) by that much"
            : ", which the unplanned part of the surplus covers";
    return Optional.of(
        new Relaxation(
            Relaxation.Kind.INCREASE_SAVINGS,
            "Increase monthly savings toward '"
                + goal.label()
                + "' by "
                + more.formatted()
                + " (to "
                + draft.primary().monthly().plus(more).formatted()
                + ")"
                + funding
                + "; success would reach "
                + Format.percent(confirmed),
            more,
            null,
            confirmed));
  }

  private static Variation extra(double monthly) {
    return new Variation(
        Money.usd(BigDecimal.valueOf(monthly).setScale(2, RoundingMode.CEILING)), 0, null, null);
  }

  private Optional<Relaxation> extension(Draft draft) {
    ProjectedGoal goal = draft.primary().goal();
    int age = request.state().age();
    int years = (projector.goalMonths(goal) + 11) / 12;
    for (int k = 1; k <= MAX_EXTENSION_YEARS; k++) {
      if (years + k > Goal.MAX_HORIZON_YEARS || age + years + k > ProjectionRequest.MAX_AGE) {
        break;
      }
      Variation v = new Variation(Money.zeroUsd(), k, null, null);
      if (success(draft, v, searchPaths()) >= threshold) {
        double confirmed = success(draft, v, options.paths());
        return Optional.of(
            new Relaxation(
                Relaxation.Kind.EXTEND_GOAL_DATE,
                "Extend the goal date of '"
                    + goal.label()
                    + "' by "
                    + k
                    + " year"
                    + (k == 1 ? "" : "s")
                    + " (from "
                    + goal.date()
                    + " to "
                    + goal.date().plusYears(k)
                    + "), saving the same amounts; success"
                    + " would reach "
                    + Format.percent(confirmed),
                null,
                k,
                confirmed));
      }
    }
    return Optional.empty();
  }

  private Optional<Relaxation> lowerTarget(Draft draft) {
    ProjectedGoal goal = draft.primary().goal();
    double target = goal.target().toDouble();
    double lo = 0;
    double hi = target;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (lo + hi) / 2;
      if (success(draft, new Variation(Money.zeroUsd(), 0, dollars(mid), null), searchPaths())
          >= threshold) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double step = target >= 100_000 ? 1_000 : 100;
    Money lowered = Money.usd(BigDecimal.valueOf(Math.floor(lo / step) * step));
    if (!lowered.isPositive()) {
      return Optional.empty();
    }
    double confirmed =
        success(draft, new Variation(Money.zeroUsd(), 0, lowered, null), options.paths());
    return Optional.of(
        new Relaxation(
            Relaxation.Kind.LOWER_TARGET,
            "Lower the target of '"
                + goal.label()
                + "' from "
                + Format.dollars(goal.target())
                + " to "
                + Format.dollars(lowered)
                + "; success would reach "
                + Format.percent(confirmed),
            lowered,
            null,
            confirmed));
  }

  private Optional<Relaxation> moreRisk(Draft draft, double success) {
    RiskTolerance current = request.state().riskTolerance();
    if (current == RiskTolerance.AGGRESSIVE || draft.primary().inCash()) {
      return Optional.empty();
    }
    RiskTolerance next = RiskTolerance.values()[current.ordinal() + 1];
    ProjectedGoal goal = draft.primary().goal();
    int age = request.state().age();
    GlidePath path =
        GlidePathBuilder.build(
            Strategy.closestTo(next),
            age,
            age + (projector.goalMonths(goal) + 6) / 12,
            goal.type() == GoalType.RETIREMENT,
            next.maxEquityShare(),
            draft.otherGoals().shortCapUntilAge());
    double riskier = success(draft, new Variation(Money.zeroUsd(), 0, null, path), options.paths());
    if (riskier <= success) {
      return Optional.empty();
    }
    return Optional.of(
        new Relaxation(
            Relaxation.Kind.ACCEPT_MORE_RISK,
            "Accept more risk: a "
                + next.name().toLowerCase(Locale.ROOT)
                + " risk tolerance (up to "
                + Format.percent(next.maxEquityShare())
                + " equities, "
                + Strategy.closestTo(next).name()
                + " glide path) would raise"
                + " success from "
                + Format.percent(success)
                + " to "
                + Format.percent(riskier),
            null,
            null,
            riskier));
  }

  private static Money dollars(double amount) {
    return Money.usd(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN));
  }

  private static Money roundUp(double amount, int step) {
    return Money.usd(BigDecimal.valueOf(Math.ceil(amount / step) * step));
  }
}
