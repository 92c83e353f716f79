package dev.finpilot.planning;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.planning.GoalProjector.Variation;
import dev.finpilot.planning.Repairs.Repair;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationPolicy;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One planning run ("thought of search"): the request's constraints first, then every strategy as a
 * branch that is pruned early when infeasible, otherwise built, checked by the verifier and
 * repaired, projected, verified again and scored. The best passing candidate is chosen; when none
 * passes, the best one is returned with the relaxations that would let it pass.
 */
final class Search {

  /** Optimistic real and nominal returns for the early reachability check. */
  static final double OPTIMISTIC_REAL_RETURN = 0.08;

  static final double OPTIMISTIC_NOMINAL_RETURN = 0.11;

  private final PlanningRequest request;
  private final FinancialState state;
  private final PlanningOptions options;
  private final Verifier verifier;
  private final VerificationPolicy policy;
  private final GoalBook goals;
  private final Budget budget;
  private final PlanBuilder builder;
  private final GoalProjector projector;
  private final SearchNarrator narrator;
  private final long seed;
  private final int round;
  private final int level;

  /** One explored or pruned branch. */
  private record Branch(
      Strategy strategy,
      String node,
      SearchStatus status,
      String reason,
      Draft draft,
      ProjectionResult projection,
      VerificationReport report,
      Scoring.Score score) {

    static Branch pruned(Strategy strategy, String node, String reason) {
      return new Branch(strategy, node, SearchStatus.PRUNED, reason, null, null, null, null);
    }

    boolean scored() {
      return score != null;
    }

    boolean passes() {
      return report != null && report.outcome() != Outcome.REJECTED;
    }
  }

  Search(
      PlanningRequest request,
      PlanningOptions options,
      Verifier verifier,
      TaxYearLimits limits,
      int round,
      int level) {
    PlanningContext context = PlanningContext.of(request, limits, verifier.policy());
    this.request = request;
    this.state = request.state();
    this.options = options;
    this.verifier = verifier;
    this.policy = context.policy();
    this.goals = context.goals();
    this.budget = context.budget();
    this.builder = new PlanBuilder(context);
    this.projector = new GoalProjector(request);
    this.narrator = new SearchNarrator(context);
    this.seed = options.seed() != null ? options.seed() : Seeds.of(request);
    this.round = round;
    this.level = level;
  }

  PlanningResult run(List<FindingToResolve> toResolve) {
    String root = narrator.root(round);
    boolean surplus = budget.surplus().isPositive();
    narrator.budget(root, budget);
    boolean reachable = reachable(root);
    narrator.equityCap(root);
    List<String> findingNodes = new ArrayList<>();
    Adjustments base = resolveFindings(root, toResolve, findingNodes);

    List<Branch> branches = new ArrayList<>();
    for (Strategy s : Strategy.values()) {
      Optional<String> pruned = pruneReason(s, surplus, reachable, base);
      if (pruned.isPresent()) {
        branches.add(Branch.pruned(s, narrator.pruned(root, s, pruned.get()), pruned.get()));
      } else {
        branches.add(explore(root, s, base, false));
      }
    }
    Branch chosen = choose(branches).orElseGet(() -> fallback(root, base, branches));
    return result(root, chosen, branches, toResolve, findingNodes);
  }

  /**
   * One constraint node per finding to resolve, and the changes that address them, applied to every
   * strategy.
   */
  private Adjustments resolveFindings(
      String root, List<FindingToResolve> toResolve, List<String> findingNodes) {
    Adjustments base = Adjustments.NONE;
    for (FindingToResolve f : toResolve) {
      Optional<Repair> repair = Repairs.forFinding(f, base, level, budget);
      if (repair.isPresent()) {
        base = repair.get().adjustments();
      }
      findingNodes.add(narrator.findingToResolve(root, f, repair));
    }
    return base;
  }

  /**
   * Whether the primary goal is reachable at all: every asset the household holds plus every dollar
   * of the surplus (and the full employer match) compounding at an optimistic 8% real (11% nominal)
   * return. If not, no strategy can reach it and every branch is pruned.
   */
  private boolean reachable(String root) {
    Optional<Goal> primary = goals.primary();
    if (primary.isEmpty()) {
      return true;
    }
    Goal goal = primary.get();
    int months = goals.months(goal);
    double rate =
        (goal.basis() == ValueBasis.NOMINAL ? OPTIMISTIC_NOMINAL_RETURN : OPTIMISTIC_REAL_RETURN)
            / 12;
    double growth = Math.pow(1 + rate, months);
    double monthly = Math.max(0, budget.surplus().toDouble());
    if (goal.type() == GoalType.RETIREMENT && state.employerMatch().offered()) {
      monthly += state.employerMatch().monthlyMatchAtFullDeferral(state.annualIncome()).toDouble();
    }
    double start = state.totalAssets().toDouble();
    double best = start * growth + monthly * (growth - 1) / rate;
    boolean reachable = best >= goal.targetAmount().toDouble();
    narrator.reachability(root, goal, rate, best, reachable);
    return reachable;
  }

  private Optional<String> pruneReason(
      Strategy s, boolean surplus, boolean reachable, Adjustments base) {
    if (!surplus) {
      return Optional.of("no monthly surplus to save or prepay debt with");
    }
    if (!reachable) {
      return Optional.of("the primary goal is out of reach even with optimistic returns");
    }
    BigDecimal cap = state.riskTolerance().maxEquityShare().subtract(base.equity().cut());
    if (s.minimumEquity().compareTo(cap) > 0) {
      return Optional.of(
          "the "
              + state.riskTolerance()
              + " risk tolerance allows at most "
              + Format.percent(cap)
              + " equities; this strategy needs at least "
              + Format.percent(s.minimumEquity()));
    }
    boolean otherDebt =
        state.debts().stream().anyMatch(d -> !d.kind().isHousing() && d.balance().isPositive());
    if (s == Strategy.DEBT_FIRST && !otherDebt) {
      return Optional.of("no non-mortgage debt to pay first: the strategy would equal BALANCED");
    }
    if (s == Strategy.TAX_OPTIMISED && goals.retirement().isEmpty()) {
      return Optional.of(
          "no retirement goal: retirement accounts beyond the match do not serve the goals");
    }
    return Optional.empty();
  }

  private Branch explore(String root, Strategy s, Adjustments base, boolean bestEffort) {
    String node = narrator.strategy(root, s, bestEffort);
    Adjustments adjustments = base;
    Draft draft = builder.build(s, adjustments);
    VerificationReport precheck = verify(draft, 1.0);
    for (int r = 1; r <= options.maxRepairRounds(); r++) {
      Optional<Repair> repair = repair(precheck.violations(), adjustments);
      if (repair.isEmpty()) {
        break;
      }
      adjustments = repair.get().adjustments();
      narrator.repair(node, r, precheck.violations(), repair.get());
      draft = builder.build(s, adjustments);
      precheck = verify(draft, 1.0);
    }
    if (precheck.outcome() == Outcome.REJECTED && !bestEffort) {
      String reason = narrator.prunedByPrecheck(node, precheck);
      return new Branch(s, node, SearchStatus.PRUNED, reason, draft, null, precheck, null);
    }
    ProjectionResult projection = project(draft);
    VerificationReport report = verify(draft, projection.successProbability());
    if (report.has(RuleCode.LOW_SUCCESS_PROBABILITY)) {
      Optional<Repair> repair =
          Repairs.forFinding(
              FindingToResolve.of(report.findings(RuleCode.LOW_SUCCESS_PROBABILITY).get(0)),
              adjustments,
              1,
              budget);
      Draft richer = repair.isPresent() ? builder.build(s, repair.get().adjustments()) : draft;
      if (richer.waterfall().savingBudget().isGreaterThan(draft.waterfall().savingBudget())) {
        adjustments = repair.get().adjustments();
        ProjectionResult second = project(richer);
        narrator.successRepair(
            node,
            RuleCode.LOW_SUCCESS_PROBABILITY.name(),
            repair.get(),
            projection.successProbability(),
            second.successProbability());
        draft = richer;
        projection = second;
        report = verify(draft, projection.successProbability());
      }
    }
    Scoring.Score score = Scoring.score(draft, projection, report, state, policy, request.asOf());
    narrator.decisions(node, draft, projection, report);
    SearchStatus status =
        report.outcome() == Outcome.REJECTED ? SearchStatus.REJECTED : SearchStatus.EXPLORED;
    String reason = narrator.scored(node, status, report, score);
    return new Branch(s, node, status, reason, draft, projection, report, score);
  }

  /** The combined repair of every finding that has one; empty when nothing would change. */
  private Optional<Repair> repair(List<Finding> violations, Adjustments current) {
    Adjustments next = current;
    List<String> what = new ArrayList<>();
    for (Finding f : violations) {
      boolean household = f.code() == RuleCode.DEBT_TO_INCOME_HIGH && !f.severity().rejects();
      if (household) {
        continue;
      }
      Optional<Repair> repair = Repairs.forFinding(FindingToResolve.of(f), next, 1, budget);
      if (repair.isPresent() && !repair.get().adjustments().equals(next)) {
        next = repair.get().adjustments();
        what.add(repair.get().description());
      }
    }
    return what.isEmpty()
        ? Optional.empty()
        : Optional.of(new Repair(next, String.join("; ", what)));
  }

  private VerificationReport verify(Draft draft, double successProbability) {
    return verifier.verify(draft.plan().withSuccessProbability(successProbability), request);
  }

  private ProjectionResult project(Draft draft) {
    return ProjectionEngine.project(projectionRequest(draft));
  }

  private ProjectionRequest projectionRequest(Draft draft) {
    return projector.request(draft, Variation.none(), options.paths(), options.generator(), seed);
  }

  /** The best passing candidate; failing that, the best scored one. */
  private static Optional<Branch> choose(List<Branch> branches) {
    Optional<Branch> best = best(branches, true);
    return best.isPresent() ? best : best(branches, false);
  }

  private static Optional<Branch> best(List<Branch> branches, boolean passingOnly) {
    Branch best = null;
    for (Branch b : branches) {
      if (!b.scored() || (passingOnly && !b.passes())) {
        continue;
      }
      if (best == null || b.score().total() > best.score().total()) {
        best = b;
      }
    }
    return Optional.ofNullable(best);
  }

  /** With every branch pruned, the strategy closest to the risk tolerance, built regardless. */
  private Branch fallback(String root, Adjustments base, List<Branch> branches) {
    Branch branch = explore(root, Strategy.closestTo(state.riskTolerance()), base, true);
    branches.add(branch);
    return branch;
  }

  private PlanningResult result(
      String root,
      Branch chosen,
      List<Branch> branches,
      List<FindingToResolve> toResolve,
      List<String> findingNodes) {
    boolean passed = chosen.passes();
    narrator.chosen(root, chosen.node(), passed, chosen.score().total(), chosen.reason());
    for (int i = 0; i < toResolve.size(); i++) {
      String code = toResolve.get(i).code();
      boolean open =
          chosen.report().violations().stream().anyMatch(f -> f.code().name().equals(code));
      narrator.findingOutcome(findingNodes.get(i), open);
    }
    double success = chosen.projection().successProbability();
    List<Relaxation> relaxations =
        passed
            ? List.of()
            : new RelaxationFinder(
                    request, options, projector, seed, policy.minSuccessProbability())
                .find(chosen.draft(), success, chosen.report(), budget);
    List<Candidate> candidates = new ArrayList<>();
    for (Branch b : branches) {
      SearchStatus status = b == chosen ? SearchStatus.CHOSEN : b.status();
      candidates.add(
          new Candidate(
              b.strategy(),
              status,
              b.scored() ? b.score().total() : null,
              b.projection() != null ? b.projection().successProbability() : null,
              b.scored() ? b.report().outcome().name() : null,
              narrator.reason(b.node()),
              b.projection() != null
                  ? b.draft().plan().withSuccessProbability(b.projection().successProbability())
                  : null));
    }
    return new PlanningResult(
        chosen.strategy(),
        chosen.draft().plan().withSuccessProbability(success),
        passed,
        chosen.report().outcome().name(),
        chosen.report().violations().stream().map(FindingToResolve::of).toList(),
        chosen.score().total(),
        confidence(chosen, branches),
        PlanProjection.of(
            chosen.draft().primary().goal(),
            projectionRequest(chosen.draft()),
            chosen.projection()),
        candidates,
        narrator.build(),
        relaxations,
        round,
        budget.surplus());
  }

  /**
   * Confidence in the choice: the verifier's confidence, times the sampling precision of the
   * success probability (one less the 95% half-width), times how decisively the choice beat the
   * runner-up (0.75 when tied, 1 at a 0.05 lead or no rival), halved when no plan passed.
   */
  private double confidence(Branch chosen, List<Branch> branches) {
    double p = chosen.projection().successProbability();
    double precision = 1 - 1.96 * Math.sqrt(p * (1 - p) / chosen.projection().paths());
    double runnerUp = -1;
    for (Branch b : branches) {
      if (b != chosen && b.scored() && b.passes() == chosen.passes()) {
        runnerUp = Math.max(runnerUp, b.score().total());
      }
    }
    double margin = runnerUp < 0 ? 1 : (chosen.score().total() - runnerUp) / 0.05;
    double decisiveness = 0.75 + 0.25 * Math.min(1, Math.max(0, margin));
    double value = chosen.report().confidence() * precision * decisiveness;
    return Scoring.clamp(chosen.passes() ? value : value / 2);
  }
}
