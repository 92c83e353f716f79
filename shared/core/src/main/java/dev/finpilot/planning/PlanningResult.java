package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.util.List;

/**
 * What the planner returns: the chosen plan and everything behind the choice. Plain records and
 * lists, so the whole result (or its trace and projection alone) serialises to JSON by field.
 *
 * @param strategy the chosen plan's strategy
 * @param plan the chosen plan, with its primary goal's probability of success set
 * @param passed whether the chosen plan passed verification (APPROVED or CONDITIONAL)
 * @param outcome the verifier's verdict on the chosen plan
 * @param openFindings the chosen plan's remaining verifier violations (WARNING and worse)
 * @param score the chosen candidate's score in [0, 1]
 * @param confidence how much the choice can be trusted, in [0, 1] (docs/planning.md)
 * @param projection the chosen plan's projection toward its primary goal
 * @param candidates every strategy with its status, score and reason
 * @param trace the reasoning graph
 * @param relaxations when no plan passes, what would have to change, with numbers; else empty
 * @param round 1 for a first plan, 2 and up for replanning rounds
 * @param monthlySurplus after-tax income less expenses and minimum debt payments: the most any plan
 *     may save and prepay a month
 */
public record PlanningResult(
    Strategy strategy,
    Plan plan,
    boolean passed,
    String outcome,
    List<FindingToResolve> openFindings,
    double score,
    double confidence,
    PlanProjection projection,
    List<Candidate> candidates,
    ReasoningTrace trace,
    List<Relaxation> relaxations,
    int round,
    Money monthlySurplus) {

  public PlanningResult {
    openFindings = List.copyOf(openFindings);
    candidates = List.copyOf(candidates);
    relaxations = List.copyOf(relaxations);
  }

  /** The relaxations as sentences, the form the workflow's PlanGenerated message carries. */
  public List<String> relaxationTexts() {
    return relaxations.stream().map(Relaxation::description).toList();
  }

  /**
   * The latest candidate of a strategy: when every branch was pruned, the best-effort rebuild of
   * the strategy closest to the risk tolerance follows its pruned entry.
   */
  public Candidate candidate(Strategy s) {
    return candidates.stream()
        .filter(c -> c.strategy() == s)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalArgumentException("no candidate " + s));
  }
}
