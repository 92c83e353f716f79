package dev.finpilot.plans;

import dev.finpilot.messaging.Envelope;
import java.time.Duration;
import java.time.Instant;

/**
 * A state change to apply atomically: the new head (whose {@code revision} is one above the stored
 * one), the history entry, and the command to send afterwards (kept on the head so a redelivered
 * cause can resend it).
 */
public record Transition(PlanRecord updated, PlanEvent event, Envelope command) {

  /** The owner's cancellation of a plan that is still being worked on. */
  public static Transition cancel(PlanRecord plan, String correlationId, Instant now) {
    if (plan.status().isFinal()) {
      throw new IllegalStateException("plan " + plan.planId() + " is already " + plan.status());
    }
    if (plan.underReview()) {
      // Cancelling would drop the version in force along with the review.
      throw new IllegalStateException("plan " + plan.planId() + " is under review");
    }
    String reason = "cancelled by its owner while " + plan.status();
    String cause = "cancel#" + plan.planId() + "#" + (plan.revision() + 1);
    PlanRecord cancelled =
        plan.next(PlanStatus.CANCELLED, plan.currentVersion(), plan.round(), reason, cause, now);
    PlanEvent event =
        new PlanEvent(
            plan.planId(),
            cancelled.revision(),
            plan.status(),
            PlanStatus.CANCELLED,
            "CancelRequested",
            cause,
            correlationId,
            reason,
            now,
            Duration.between(plan.updatedAt(), now).toMillis());
    return new Transition(cancelled, event, null);
  }
}
