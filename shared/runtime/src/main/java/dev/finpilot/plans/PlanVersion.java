package dev.finpilot.plans;

import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;

/**
 * One generated version of a plan with what the agents produced for it: the plan, its reasoning and
 * projection (planning), and the verification report (verification, once run); {@code snapshot} is
 * the market it was planned in, kept whole so the version can be projected again bit for bit. A
 * version stored before snapshots existed reads as planned in the historical snapshot, as it was.
 *
 * @param request the household and goals this version was planned for (a life event or an edit
 *     changes them for later versions only); null for versions stored before it was kept
 */
public record PlanVersion(
    String planId,
    int version,
    Plan plan,
    PlanReasoning reasoning,
    PlanProjection projection,
    VerificationReport verification,
    Instant createdAt,
    MarketSnapshot snapshot,
    PlanningRequest request) {

  public PlanVersion {
    snapshot = snapshot == null ? MarketSnapshot.historical() : snapshot;
  }

  /** A version planned in the historical snapshot, for a request kept on the plan's head. */
  public PlanVersion(
      String planId,
      int version,
      Plan plan,
      PlanReasoning reasoning,
      PlanProjection projection,
      VerificationReport verification,
      Instant createdAt) {
    this(planId, version, plan, reasoning, projection, verification, createdAt, null, null);
  }

  public PlanVersion withVerification(VerificationReport report) {
    return new PlanVersion(
        planId, version, plan, reasoning, projection, report, createdAt, snapshot, request);
  }

  /** The request this version answers: its own, or for older versions the plan's current one. */
  public PlanningRequest requestOr(PlanningRequest current) {
    return request != null ? request : current;
  }
}
