package dev.finpilot.functions.api;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import dev.finpilot.plans.VersionFixtures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plans put straight into a repository, as the workflow would have left them. */
final class PlanSeeds {
  private final PlanRepository plans;

  PlanSeeds(PlanRepository plans) {
    this.plans = plans;
  }

  /** A plan of {@code userId} created at {@code at}, still RECEIVED, with no version. */
  PlanRecord received(String userId, Instant at) {
    PlanRecord plan =
        PlanRecord.received(
            UUID.randomUUID().toString(),
            userId,
            FinancialStateFixtures.request(),
            "corr-" + at.toEpochMilli(),
            at);
    plans.create(plan);
    return plan;
  }

  /**
   * A plan with {@code versions} versions that went RECEIVED to PLANNING to VERIFYING, each step
   * recorded in its history. Version n has success probability 0.5 + n / 10, a projection of 0.5 +
   * n / 10 and a reasoning whose first node scores n / 10.
   */
  PlanRecord withVersions(String userId, Instant at, int versions) {
    PlanRecord plan = received(userId, at);
    PlanRecord planning =
        apply(
            PlanChange.of(plan, PlanStatus.PLANNING, null).generating(0, 1),
            MessageType.MARKET_DATA_RETRIEVED,
            at.plusSeconds(1));
    for (int n = 1; n <= versions; n++) {
      plans.saveVersion(
          new PlanVersion(
              plan.planId(),
              n,
              GetPlanTest.balancedPlanWithSuccess(0.5 + n / 10.0),
              VersionFixtures.reasoning(n / 10.0),
              VersionFixtures.projection((5 + n) / 10.0),
              VersionFixtures.approved(),
              at.plusSeconds(10L * n)));
    }
    return apply(
        PlanChange.of(planning, PlanStatus.VERIFYING, null).generating(versions, 1),
        MessageType.PLAN_GENERATED,
        at.plusSeconds(20));
  }

  /**
   * A plan of {@code userId} made ACTIVE on its version 1, the planner's real result for the sample
   * household (as {@link InsightVersions} plans it).
   */
  PlanRecord active(String userId, Instant at) {
    PlanRecord plan = received(userId, at);
    plans.saveVersion(InsightVersions.planned(plan.planId(), 1, at.plusSeconds(10)));
    PlanRecord verifying = advanceTo(plan, 1);
    return apply(
        PlanChange.of(verifying, PlanStatus.ACTIVE, "executed").activating(1),
        MessageType.PLAN_EXECUTED,
        at.plusSeconds(20));
  }

  /** Moves a RECEIVED plan on to VERIFYING its version {@code version}, already saved. */
  PlanRecord advanceTo(PlanRecord plan, int version) {
    return apply(
        PlanChange.of(plan, PlanStatus.VERIFYING, null).generating(version, 1),
        MessageType.PLAN_GENERATED,
        plan.createdAt().plusSeconds(10));
  }

  /** Moves a plan to a final state. */
  PlanRecord finish(PlanRecord plan, PlanStatus status) {
    return apply(PlanChange.of(plan, status, "done"), MessageType.PLAN_EXECUTED, plan.updatedAt());
  }

  /** A plan whose version 1 is in force while version 2, proposed by a review, awaits its owner. */
  PlanRecord awaitingApproval(String userId, Instant at) {
    return awaitingApproval(userId, at, List.of());
  }

  /** As {@link #awaitingApproval(String, Instant)}, with triggers waiting for the review's end. */
  PlanRecord awaitingApproval(String userId, Instant at, List<Payloads.TriggerRaised> deferred) {
    PlanChange pending =
        PlanChange.of(
                withVersions(userId, at, 2),
                PlanStatus.AWAITING_APPROVAL,
                "version 2 awaits its owner's approval")
            .activating(1);
    deferred.forEach(pending::deferring);
    return apply(pending, MessageType.PLAN_VERIFIED, at.plusSeconds(30));
  }

  private PlanRecord apply(PlanChange change, MessageType cause, Instant at) {
    Transition transition =
        Transition.of(
            change,
            new Transition.Cause(cause, "msg-" + UUID.randomUUID(), change.from().correlationId()),
            at);
    plans.apply(transition);
    return transition.updated();
  }
}
