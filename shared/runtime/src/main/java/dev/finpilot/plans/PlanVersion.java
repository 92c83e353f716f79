package dev.finpilot.plans;

import dev.finpilot.domain.Plan;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;

/**
 * One generated version of a plan with what the agents produced for it: the plan, its reasoning and
 * projection (planning), and the verification report (verification, once run); {@code snapshot} is
 * the market it was planned in, kept whole so the version can be projected again bit for bit. A
 * version stored before snapshots existed reads as planned in the historical snapshot, as it was.
 */
public record PlanVersion(
    String planId,
    int version,
    Plan plan,
    PlanReasoning reasoning,
    PlanProjection projection,
    VerificationReport verification,
    Instant createdAt,
    MarketSnapshot snapshot) {

  public PlanVersion {
    snapshot = snapshot == null ? MarketSnapshot.historical() : snapshot;
  }

  /** A version planned in the historical snapshot. */
  public PlanVersion(
      String planId,
      int version,
      Plan plan,
      PlanReasoning reasoning,
      PlanProjection projection,
      VerificationReport verification,
      Instant createdAt) {
    this(planId, version, plan, reasoning, projection, verification, createdAt, null);
  }

  public PlanVersion withVerification(VerificationReport report) {
    return new PlanVersion(
        planId, version, plan, reasoning, projection, report, createdAt, snapshot);
  }
}
