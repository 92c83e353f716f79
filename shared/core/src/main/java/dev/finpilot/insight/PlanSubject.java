package dev.finpilot.insight;

import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.Candidate;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.planning.Strategy;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ReturnGenerator;
import dev.finpilot.verification.VerificationReport;
import java.util.List;
import java.util.Objects;

/**
 * One plan version as the insight services see it: the request it answers, the chosen plan and the
 * search behind it, its projection with the inputs it was computed from, its verification report
 * (null until verified) and the market it was planned in. Plain data with no storage types, so the
 * services are testable on their own.
 *
 * @param version the plan version's number
 * @param relaxations what would have to change, in words, when no plan passed; else empty
 */
public record PlanSubject(
    int version,
    PlanningRequest request,
    Plan plan,
    Strategy strategy,
    List<Candidate> candidates,
    List<String> relaxations,
    PlanProjection projection,
    VerificationReport verification,
    MarketSnapshot snapshot) {

  public PlanSubject {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(projection.inputs(), "projection.inputs");
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    relaxations = relaxations == null ? List.of() : List.copyOf(relaxations);
    snapshot = snapshot == null ? MarketSnapshot.historical() : snapshot;
  }

  /** A version as the planner answered {@code request} and the verifier judged the chosen plan. */
  public static PlanSubject of(
      int version,
      PlanningRequest request,
      PlanningResult result,
      VerificationReport verification,
      MarketSnapshot snapshot) {
    return new PlanSubject(
        version,
        request,
        result.plan(),
        result.strategy(),
        result.candidates(),
        result.relaxationTexts(),
        result.projection(),
        verification,
        snapshot);
  }

  /** The returns the version was planned with: the bootstrap shifted to its snapshot's means. */
  public ReturnGenerator generator() {
    return PlanningOptions.defaults().withSnapshot(snapshot).generator();
  }

  /**
   * The version's own projection request, seed and paths included: projecting it reproduces the
   * stored projection bit for bit, and changing one input shows that input's effect alone.
   */
  public ProjectionRequest.Builder baseline() {
    return projection.inputs().toRequest(generator());
  }
}
