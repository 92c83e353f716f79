package dev.finpilot.plans;

import dev.finpilot.domain.PlanningRequest;
import java.time.Instant;

/**
 * The head of a plan: who owns it, where it stands, and the request it answers. {@code revision} is
 * the optimistic-locking counter every state change must match; {@code lastMessageId} is the
 * message that caused the latest change, so a redelivered copy of it is recognised.
 */
public record PlanRecord(
    String planId,
    String userId,
    PlanStatus status,
    long revision,
    int currentVersion,
    int round,
    String correlationId,
    String statusReason,
    String lastMessageId,
    PlanningRequest request,
    Instant createdAt,
    Instant updatedAt) {

  public static PlanRecord received(
      String planId, String userId, PlanningRequest request, String correlationId, Instant now) {
    return new PlanRecord(
        planId, userId, PlanStatus.RECEIVED, 0, 0, 0, correlationId, null, null, request, now, now);
  }

  /** The record after a transition, one revision later. */
  public PlanRecord next(
      PlanStatus newStatus,
      int newVersion,
      int newRound,
      String reason,
      String causedBy,
      Instant now) {
    return new PlanRecord(
        planId,
        userId,
        newStatus,
        revision + 1,
        newVersion,
        newRound,
        correlationId,
        reason,
        causedBy,
        request,
        createdAt,
        now);
  }
}
