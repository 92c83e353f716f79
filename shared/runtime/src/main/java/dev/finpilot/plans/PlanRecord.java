package dev.finpilot.plans;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.ReviewDecision;
import java.time.Instant;
import java.util.List;

/**
 * The head of a plan: who owns it, where it stands, and the request it answers. {@code revision} is
 * the optimistic-locking counter every state change must match; {@code lastMessageId} is the
 * message that caused the latest change, so a redelivered copy of it is recognised.
 *
 * @param currentVersion the newest version generated (the one being worked on, or awaiting
 *     approval)
 * @param activeVersion the version applied to the ledger and in force; 0 until the plan is first
 *     ACTIVE. A non-final plan with an active version is under review.
 * @param review the decision taken on the latest trigger; null until the first one
 * @param deferred triggers that arrived during a review, reviewed together when it ends
 */
public record PlanRecord(
    String planId,
    String userId,
    PlanStatus status,
    long revision,
    int currentVersion,
    int activeVersion,
    int round,
    ReviewDecision review,
    List<Payloads.TriggerRaised> deferred,
    String correlationId,
    String statusReason,
    String lastMessageId,
    PlanningRequest request,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * How many triggers may wait for a review in progress. Each carries a household state of a few
   * KiB and the head is one DynamoDB item (at most 400 KB); a user with more to report than this
   * should first decide on the version awaiting approval.
   */
  public static final int MAX_DEFERRED = 10;

  public PlanRecord {
    deferred = deferred == null ? List.of() : List.copyOf(deferred);
  }

  public static PlanRecord received(
      String planId, String userId, PlanningRequest request, String correlationId, Instant now) {
    return new PlanRecord(
        planId,
        userId,
        PlanStatus.RECEIVED,
        0,
        0,
        0,
        0,
        null,
        List.of(),
        correlationId,
        null,
        null,
        request,
        now,
        now);
  }

  /** Whether an active version stands while the workflow works on a newer one. */
  public boolean underReview() {
    return activeVersion > 0 && !status.isFinal();
  }
}
