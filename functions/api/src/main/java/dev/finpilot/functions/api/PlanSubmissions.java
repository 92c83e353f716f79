package dev.finpilot.functions.api;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.Trace;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a valid planning request: stores the plan as RECEIVED, then hands it to the workflow.
 *
 * <p>If the workflow queue refuses the message, the plan is marked FAILED with the reason before
 * the caller is told to retry, so no plan waits forever in RECEIVED for a message that never left.
 */
@Singleton
final class PlanSubmissions {
  static final String NOT_QUEUED = "the plan could not be handed to the workflow; submit it again";

  private static final Logger LOG = LoggerFactory.getLogger(PlanSubmissions.class);

  private final PlanRepository plans;
  private final MessageBus bus;
  private final Clock clock;

  PlanSubmissions(PlanRepository plans, MessageBus bus, Clock clock) {
    this.plans = plans;
    this.bus = bus;
    this.clock = clock;
  }

  PlanRecord submit(String userId, PlanningRequest request, String correlationId) {
    Instant now = clock.instant();
    PlanRecord plan =
        PlanRecord.received(UUID.randomUUID().toString(), userId, request, correlationId, now);
    if (!plans.create(plan)) {
      throw new IllegalStateException("plan id collision " + plan.planId());
    }
    Envelope submitted =
        Envelope.create(
            MessageType.PLAN_SUBMITTED,
            plan.planId(),
            0,
            userId,
            new Payloads.PlanSubmitted(),
            now);
    try {
      bus.send(submitted, Trace.start(correlationId));
    } catch (RuntimeException e) {
      LOG.error("plan {} could not be queued: {}", plan.planId(), e.toString());
      markFailed(plan, submitted);
      throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, NOT_QUEUED);
    }
    LOG.info("plan {} submitted", plan.planId());
    return plan;
  }

  private void markFailed(PlanRecord plan, Envelope submitted) {
    Instant now = clock.instant();
    PlanRecord failed = plan.next(PlanStatus.FAILED, 0, 0, NOT_QUEUED, submitted.messageId(), now);
    PlanEvent event =
        new PlanEvent(
            plan.planId(),
            failed.revision(),
            plan.status(),
            PlanStatus.FAILED,
            submitted.type().wireName(),
            submitted.messageId(),
            plan.correlationId(),
            NOT_QUEUED,
            now,
            now.toEpochMilli() - plan.updatedAt().toEpochMilli());
    try {
      plans.apply(new Transition(failed, event, null));
    } catch (RuntimeException e) {
      LOG.error("plan {} could not be marked failed: {}", plan.planId(), e.toString());
    }
  }
}
