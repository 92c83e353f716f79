package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.planning.ReasoningTrace.Kind;
import dev.finpilot.planning.Repairs.Repair;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.VerificationReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes one search's reasoning trace: a node for each constraint, finding, strategy, repair and
 * decision as the search reaches it, with the texts that explain it. Node ids follow the order of
 * the calls, so the search calls in the order it reasons.
 */
final class SearchNarrator {

  private final TraceRecorder trace = new TraceRecorder();
  private final PlanningRequest request;
  private final FinancialState state;
  private final GoalBook goals;

  SearchNarrator(PlanningContext context) {
    this.request = context.request();
    this.state = context.state();
    this.goals = context.goals();
  }

  /** The root: who is planned for, their goals and risk tolerance. */
  String root(int round) {
    return trace.root(
        "Plan for a "
            + state.age()
            + "-year-old, tax year "
            + request.taxYear()
            + (round > 1 ? ", replanning round " + round : ""),
        "goals: "
            + goals.byPriority().stream()
                .map(
                    g ->
                        GoalBook.label(g)
                            + " "
                            + Format.dollars(g.targetAmount())
                            + " by "
                            + g.targetDate())
                .collect(Collectors.joining("; "))
            + "; risk tolerance "
            + state.riskTolerance());
  }

  void budget(String root, Budget budget) {
    boolean positive = budget.surplus().isPositive();
    trace.add(
        root,
        "limits",
        Kind.CONSTRAINT,
        "Monthly surplus " + budget.surplus().formatted(),
        positive ? SearchStatus.EXPLORED : SearchStatus.REJECTED,
        null,
        "after-tax income "
            + budget.afterTaxIncome().formatted()
            + " (federal tax on the "
            + request.taxYear()
            + " brackets with the standard deduction, payroll tax) less"
            + " expenses "
            + state.expenses().total().formatted()
            + " less non-housing debt"
            + " minimums "
            + budget.minimumDebtPayments().formatted()
            + (positive ? "; no plan may save or prepay more than this" : "; nothing to save"));
  }

  /**
   * Whether the primary goal is reachable at all.
   *
   * @param monthlyRate the optimistic monthly return assumed
   * @param best what the goal reaches at best
   */
  void reachability(String root, Goal goal, double monthlyRate, double best, boolean reachable) {
    trace.add(
        root,
        "limits",
        Kind.CONSTRAINT,
        "Goal '" + GoalBook.label(goal) + "' reachable at best",
        reachable ? SearchStatus.EXPLORED : SearchStatus.REJECTED,
        null,
        "saving the whole surplus with all assets at an optimistic "
            + Format.percent(monthlyRate * 12)
            + " a year reaches "
            + Format.dollars(best)
            + " by "
            + goal.targetDate()
            + " against a target of "
            + Format.dollars(goal.targetAmount())
            + (reachable ? "" : ": no strategy can reach it"));
  }

  void equityCap(String root) {
    trace.add(
        root,
        "limits",
        Kind.CONSTRAINT,
        "Equity at most " + Format.percent(state.riskTolerance().maxEquityShare()),
        SearchStatus.EXPLORED,
        null,
        state.riskTolerance() + " risk tolerance caps the equity share of every glide path");
  }

  /** A finding the request asks to resolve, and the change that addresses it, if any. */
  String findingToResolve(String root, FindingToResolve finding, Optional<Repair> repair) {
    return trace.add(
        root,
        "to resolve",
        Kind.CONSTRAINT,
        finding.code() + " (" + finding.severity() + ")",
        SearchStatus.EXPLORED,
        null,
        repair
            .map(r -> "addressed: " + r.description())
            .orElse("no plan change clears this finding: " + finding.message()));
  }

  String pruned(String root, Strategy strategy, String reason) {
    return trace.add(
        root, "strategy", Kind.STRATEGY, strategy.name(), SearchStatus.PRUNED, null, reason);
  }

  String strategy(String root, Strategy strategy, boolean bestEffort) {
    return trace.add(
        root,
        bestEffort ? "best effort" : "strategy",
        Kind.STRATEGY,
        strategy.name() + (bestEffort ? " (best effort)" : ""),
        SearchStatus.EXPLORED,
        null,
        strategy.description());
  }

  /** The {@code round}th repair of the verifier's pre-check findings. */
  void repair(String node, int round, List<Finding> violations, Repair repair) {
    trace.add(
        node,
        "repair",
        Kind.DECISION,
        "Repair " + round + ": " + codes(violations),
        SearchStatus.EXPLORED,
        null,
        repair.description());
  }

  /** A repair that raised the success probability from {@code before} to {@code after}. */
  void successRepair(String node, String code, Repair repair, double before, double after) {
    trace.add(
        node,
        "repair",
        Kind.DECISION,
        "Repair: " + code,
        SearchStatus.EXPLORED,
        null,
        repair.description()
            + ": success "
            + Format.percent(before)
            + " -> "
            + Format.percent(after));
  }

  /** Prunes a strategy whose pre-check still rejects it after every repair; returns why. */
  String prunedByPrecheck(String node, VerificationReport precheck) {
    List<Finding> rejecting = rejecting(precheck);
    String reason =
        "pruned by the verifier's pre-check: "
            + codes(rejecting)
            + " cannot be repaired ("
            + rejecting.get(0).message()
            + ")";
    trace.update(node, SearchStatus.PRUNED, null, reason);
    return reason;
  }

  /** Records a scored strategy's status and score; returns the reason given. */
  String scored(String node, SearchStatus status, VerificationReport report, Scoring.Score score) {
    String reason =
        (status == SearchStatus.REJECTED
                ? "fails verification (" + codes(rejecting(report)) + "); "
                : "")
            + score.explain();
    trace.update(node, status, score.total(), reason);
    return reason;
  }

  /**
   * What a built strategy decided: each slice, the debts, the funds, the glide path, the checks.
   */
  void decisions(String node, Draft draft, ProjectionResult projection, VerificationReport report) {
    for (Slice s : draft.waterfall().slices()) {
      String target = s.isDebt() ? s.debtName() : Format.account(s.account());
      trace.add(
          node,
          "allocates",
          Kind.DECISION,
          s.bucket().label() + ": " + s.monthly().formatted() + " a month to " + target,
          SearchStatus.EXPLORED,
          null,
          s.reason()
              + (s.full() ? "" : " (would take " + s.cap().formatted() + "; the budget ran out)"));
    }
    debts(node, draft);
    emergencyFund(node, draft);
    glidePath(node, draft);
    for (GoalCheck check : draft.otherGoals().checks()) {
      trace.add(
          node,
          "goal check",
          Kind.DECISION,
          "Goal '" + check.goal() + "'",
          check.onTrack() ? SearchStatus.EXPLORED : SearchStatus.REJECTED,
          null,
          (check.onTrack() ? "on track: " : "short: ")
              + Format.dollars(check.projected())
              + " of "
              + Format.dollars(check.target())
              + " by its date at the assumed return");
    }
    trace.add(
        node,
        "projection",
        Kind.DECISION,
        "Projection: " + Format.percent(projection.successProbability()) + " success",
        SearchStatus.EXPLORED,
        null,
        projection.paths()
            + " paths, "
            + projection.model()
            + "; median at the goal date "
            + Format.dollars(projection.finalBand().p50())
            + ", target "
            + Format.dollars(draft.primary().goal().target()));
    trace.add(
        node,
        "verification",
        Kind.DECISION,
        "Verification: " + report.outcome(),
        report.outcome() == Outcome.REJECTED ? SearchStatus.REJECTED : SearchStatus.EXPLORED,
        null,
        report.summary()
            + (report.violations().isEmpty() ? "" : " (" + codes(report.violations()) + ")"));
  }

  private void debts(String node, Draft draft) {
    List<Debt> order = draft.debts().order();
    if (order.isEmpty()) {
      return;
    }
    trace.add(
        node,
        "debts",
        Kind.DECISION,
        "Debt order "
            + draft.plan().debtPayoffMethod()
            + ": "
            + order.stream().map(Debt::name).collect(Collectors.joining(" > ")),
        SearchStatus.EXPLORED,
        null,
        draft.debts().reason());
  }

  private void emergencyFund(String node, Draft draft) {
    EmergencyFund fund = draft.emergencyFund();
    trace.add(
        node,
        "emergency fund",
        Kind.DECISION,
        "Emergency fund " + Format.dollars(fund.target()) + " (" + fund.months() + " months)",
        SearchStatus.EXPLORED,
        null,
        "cash today "
            + Format.dollars(state.balance(AccountType.CASH))
            + switch (Integer.signum(fund.filledMonth())) {
              case 0 -> ": already full";
              case 1 -> ": full in " + fund.filledMonth() + " months";
              default -> ": the plan sends nothing to cash";
            });
  }

  private void glidePath(String node, Draft draft) {
    GlidePath path = draft.plan().glidePath();
    List<GlidePath.Point> points = path.points();
    BigDecimal now = path.allocationAt(state.age()).equityShare();
    BigDecimal last = points.get(points.size() - 1).allocation().equityShare();
    ProjectedGoal primary = draft.primary().goal();
    trace.add(
        node,
        "glide path",
        Kind.DECISION,
        "Glide path " + Format.percent(now) + " -> " + Format.percent(last) + " equities",
        SearchStatus.EXPLORED,
        null,
        "equity falls toward '"
            + primary.label()
            + "' on "
            + primary.date()
            + ", capped at "
            + Format.percent(state.riskTolerance().maxEquityShare())
            + " for a "
            + state.riskTolerance().name().toLowerCase(Locale.ROOT)
            + " investor");
  }

  /** Marks the chosen strategy and says why it won. */
  void chosen(String root, String node, boolean passed, double score, String reason) {
    trace.update(
        node,
        SearchStatus.CHOSEN,
        score,
        (passed
                ? "chosen: the highest score among plans that pass verification; "
                : "chosen as the best of plans that all fail verification; ")
            + reason);
    trace.relabel(root, node, "chosen");
  }

  /** Whether the chosen plan still has a finding the request asked to resolve. */
  void findingOutcome(String node, boolean open) {
    ReasoningTrace.Node n = trace.node(node);
    trace.update(
        n.id(),
        open ? SearchStatus.REJECTED : SearchStatus.EXPLORED,
        null,
        (open ? "still open in the chosen plan; " : "resolved in the chosen plan; ") + n.reason());
  }

  /** The reason a node gives now. */
  String reason(String node) {
    return trace.node(node).reason();
  }

  ReasoningTrace build() {
    return trace.build();
  }

  private static List<Finding> rejecting(VerificationReport report) {
    return report.violations().stream().filter(f -> f.severity().rejects()).toList();
  }

  private static String codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(", "));
  }
}
