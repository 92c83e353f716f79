package dev.finpilot.plans;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.Candidate;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.planning.ReasoningTrace;
import dev.finpilot.planning.Relaxation;
import dev.finpilot.planning.Strategy;
import java.util.List;

/**
 * The search behind a version's plan, as stored with the version and shown by the API: what the
 * planner chose, how sure it is, the reasoning graph, every candidate, and what would have to
 * change when nothing passed. It is the {@link PlanningResult} without the plan and its projection,
 * which the version holds on their own.
 *
 * @param expectedOutcome the verifier's verdict on the chosen plan, as the planner foresaw it
 * @param relaxations what would have to change, in words, when no plan passed; else empty
 * @param relaxationDetails the same relaxations with their numbers, from which the workflow
 *     proposes a relaxed version; null for versions stored before they were kept
 * @param proposal for a version proposed in place of a goal no plan could reach: what it changes
 *     and what that buys, in words and numbers; else null
 */
public record PlanReasoning(
    Strategy strategy,
    double score,
    double confidence,
    int round,
    String expectedOutcome,
    ReasoningTrace trace,
    List<Candidate> candidates,
    List<FindingToResolve> openFindings,
    List<String> relaxations,
    Money monthlySurplus,
    List<Relaxation> relaxationDetails,
    String proposal) {

  public PlanReasoning {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    openFindings = openFindings == null ? List.of() : List.copyOf(openFindings);
    relaxations = relaxations == null ? List.of() : List.copyOf(relaxations);
    relaxationDetails = relaxationDetails == null ? null : List.copyOf(relaxationDetails);
  }

  public static PlanReasoning of(PlanningResult result) {
    return new PlanReasoning(
        result.strategy(),
        result.score(),
        result.confidence(),
        result.round(),
        result.outcome(),
        result.trace(),
        result.candidates(),
        result.openFindings(),
        result.relaxationTexts(),
        result.monthlySurplus(),
        result.relaxations(),
        null);
  }

  /** The reasoning of a version proposed in place of the goal as asked. */
  public PlanReasoning proposing(String change) {
    return new PlanReasoning(
        strategy,
        score,
        confidence,
        round,
        expectedOutcome,
        trace,
        candidates,
        openFindings,
        relaxations,
        monthlySurplus,
        relaxationDetails,
        change);
  }
}
