package dev.finpilot.plans;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import java.time.Duration;
import java.time.Instant;

/**
 * A state change to apply atomically: the new head (whose {@code revision} is one above the stored
 * one), the history entry, and the command to send afterwards (stored with the history entry, so a
 * redelivered cause can resend it). Every one is made by {@link #of} (the owner's cancellation by
 * way of {@link #cancel}), so every history entry is written alike, whoever moves the plan.
 */
public record Transition(PlanRecord updated, PlanEvent event, Envelope command) {

  /** The change made at {@code now}, caused by {@code cause}. */
  public static Transition of(PlanChange change, Cause cause, Instant now) {
    PlanRecord before = change.from();
    PlanRecord after = change.applied(cause.messageId(), now);
    PlanEvent event =
        new PlanEvent(
            after.planId(),
            after.revision(),
            before.status(),
            after.status(),
            cause.type().wireName(),
            cause.messageId(),
            cause.correlationId(),
            after.statusReason(),
            now,
            Duration.between(before.updatedAt(), now).toMillis());
    Envelope command =
        change.command() == null
            ? null
            : Envelope.create(
                change.command(),
                after.planId(),
                change.commandVersion(),
                after.userId(),
                change.payload(),
                now);
    return new Transition(after, event, command);
  }

  /**
   * The owner's cancellation of a plan that is still being worked on: CANCELLED, final.
   *
   * @throws PlanConflictException when the plan has finished, or is under review (cancelling would
   *     drop the version in force along with the review)
   */
  public static Transition cancel(PlanRecord plan, String correlationId, Instant now) {
    if (plan.status().isFinal()) {
      throw new PlanConflictException(
          "the plan is already " + plan.status() + " and cannot change");
    }
    if (plan.underReview()) {
      throw new PlanConflictException(
          "the plan is under review while version "
              + plan.activeVersion()
              + " stays in force; decline the proposed version instead of cancelling");
    }
    return of(
        PlanChange.of(plan, PlanStatus.CANCELLED, "cancelled by its owner while " + plan.status()),
        new Cause(
            MessageType.CANCEL_REQUESTED,
            "cancel#" + plan.planId() + "#" + (plan.revision() + 1),
            correlationId),
        now);
  }

  /**
   * What moved a plan: a message of {@code type} (also the owner's own requests, which the API
   * applies without queueing them), within the user request of {@code correlationId}.
   */
  public record Cause(MessageType type, String messageId, String correlationId) {

    /** A message received with {@code origin}. */
    public static Cause of(Envelope message, MessageOrigin origin) {
      return new Cause(message.type(), message.messageId(), origin.correlationId());
    }
  }
}
