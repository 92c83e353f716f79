package dev.finpilot.functions.api;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plans put straight into the in-memory repository, as the workflow would have left them. */
final class PlanSeeds {
  private final InMemoryPlans plans;

  PlanSeeds(InMemoryPlans plans) {
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
   * recorded in its history. Version n has success probability 0.5 + n / 10.
   */
  PlanRecord withVersions(String userId, Instant at, int versions) {
    PlanRecord plan = received(userId, at);
    PlanRecord planning = plan.next(PlanStatus.PLANNING, 0, 1, null, "m1", at.plusSeconds(1));
    plans.apply(new Transition(planning, event(plan, planning, "MarketDataRetrieved"), null));
    for (int n = 1; n <= versions; n++) {
      plans.saveVersion(
          new PlanVersion(
              plan.planId(),
              n,
              GetPlanTest.balancedPlanWithSuccess(0.5 + n / 10.0),
              Json.readTree(
                  "{\"nodes\":[{\"id\":\"balanced\",\"score\":0." + n + "}],\"edges\":[]}"),
              Json.readTree("{\"successProbability\":0." + (5 + n) + "}"),
              Json.readTree("{\"outcome\":\"APPROVED\"}"),
              at.plusSeconds(10L * n)));
    }
    PlanRecord verifying =
        planning.next(PlanStatus.VERIFYING, versions, 1, null, "m2", at.plusSeconds(20));
    plans.apply(new Transition(verifying, event(planning, verifying, "PlanGenerated"), null));
    return verifying;
  }

  /** Moves a plan to a final state. */
  PlanRecord finish(PlanRecord plan, PlanStatus status) {
    PlanRecord done =
        plan.next(status, plan.currentVersion(), plan.round(), "done", "m9", plan.updatedAt());
    plans.apply(new Transition(done, event(plan, done, "PlanExecuted"), null));
    return done;
  }

  /** A plan whose version 1 is in force while version 2, proposed by a review, awaits its owner. */
  PlanRecord awaitingApproval(String userId, Instant at) {
    return awaitingApproval(userId, at, List.of());
  }

  /** As {@link #awaitingApproval(String, Instant)}, with triggers waiting for the review's end. */
  PlanRecord awaitingApproval(String userId, Instant at, List<Payloads.TriggerRaised> deferred) {
    PlanRecord verifying = withVersions(userId, at, 2);
    PlanRecord pending =
        new PlanRecord(
            verifying.planId(),
            verifying.userId(),
            PlanStatus.AWAITING_APPROVAL,
            verifying.revision() + 1,
            2,
            1,
            1,
            null,
            deferred,
            verifying.correlationId(),
            "version 2 awaits its owner's approval",
            "m3",
            verifying.request(),
            verifying.createdAt(),
            at.plusSeconds(30));
    plans.apply(new Transition(pending, event(verifying, pending, "PlanVerified"), null));
    return pending;
  }

  private static PlanEvent event(PlanRecord before, PlanRecord after, String type) {
    return new PlanEvent(
        after.planId(),
        after.revision(),
        before.status(),
        after.status(),
        type,
        "msg-" + after.revision(),
        after.correlationId(),
        after.statusReason(),
        after.updatedAt(),
        after.updatedAt().toEpochMilli() - before.updatedAt().toEpochMilli());
  }
}
