package dev.finpilot.plans;

import dev.finpilot.domain.Plan;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;

/**
 * One generated version of a plan with what the agents produced for it: the plan, its reasoning and
 * projection (planning), and the verification report (verification, once run).
 */
public record PlanVersion(
    String planId,
    int version,
    Plan plan,
    PlanReasoning reasoning,
    PlanProjection projection,
    VerificationReport verification,
    Instant createdAt) {

  public PlanVersion withVerification(VerificationReport report) {
    return new PlanVersion(planId, version, plan, reasoning, projection, report, createdAt);
  }
}
