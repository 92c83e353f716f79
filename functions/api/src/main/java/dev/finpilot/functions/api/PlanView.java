package dev.finpilot.functions.api;

import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code GET /v1/plans/{planId}} answers: where the plan stands and, once the planner has
 * produced one, its current version with projection, reasoning trace and verification report.
 * {@code activeVersion} is the version in force (0 before the first); {@code pendingVersion} the
 * one awaiting the owner's approval, if any; {@code review} the decision on the latest trigger.
 * Internal bookkeeping (revision, last message id, user id) is not part of it.
 */
record PlanView(
    String planId,
    PlanStatus status,
    String statusReason,
    int currentVersion,
    int activeVersion,
    Integer pendingVersion,
    int round,
    ReviewDecision review,
    Instant createdAt,
    Instant updatedAt,
    String correlationId,
    PlanningRequest request,
    VersionView version) {

  static PlanView of(PlanRecord plan, Optional<PlanVersion> version) {
    return new PlanView(
        plan.planId(),
        plan.status(),
        plan.statusReason(),
        plan.currentVersion(),
        plan.activeVersion(),
        plan.status() == PlanStatus.AWAITING_APPROVAL ? plan.currentVersion() : null,
        plan.round(),
        plan.review(),
        plan.createdAt(),
        plan.updatedAt(),
        plan.correlationId(),
        plan.request(),
        version.map(VersionView::of).orElse(null));
  }

  /**
   * One generated version; {@code verification} is absent until the verifier has run. {@code
   * snapshot} is the market it was planned in: its basis, as-of date, the readings used with their
   * sources and provenance, and the assumptions.
   */
  record VersionView(
      int number,
      Instant createdAt,
      Plan plan,
      PlanProjection projection,
      PlanReasoning reasoning,
      VerificationReport verification,
      MarketSnapshot snapshot) {

    static VersionView of(PlanVersion v) {
      return new VersionView(
          v.version(),
          v.createdAt(),
          v.plan(),
          v.projection(),
          v.reasoning(),
          v.verification(),
          v.snapshot());
    }
  }
}
