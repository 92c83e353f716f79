package dev.finpilot.workflow;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanConflictException;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where plans begin and change, for the API and the workflow alike: a plan is submitted here,
 * cancelled here, handed its owner's decisions here, and every transition (the workflow's steps
 * included) is stored, followed by its command and told to the owner here. The one exception is a
 * submission the workflow queue refused: it is marked FAILED without a push, since its submitter
 * hears of it in the answer to the request itself.
 *
 * <p>A stored transition is final: the owner is notified after it, and a failed notification is
 * logged and forgotten, since retrying would replay a transition that already happened.
 */
public final class PlanLifecycle {

  /** Why a plan the workflow never received is FAILED, and what its submitter is told. */
  public static final String NOT_QUEUED =
      "the plan could not be handed to the workflow; submit it again";

  static final String REQUEST_NOT_QUEUED =
      "the request could not be handed to the workflow; send it again";

  private static final Logger LOG = LoggerFactory.getLogger(PlanLifecycle.class);
  private static final int CANCEL_ATTEMPTS = 3;

  private final PlanRepository plans;
  private final MessageBus bus;
  private final Clock clock;
  private final PlanNotifier notifier;

  public PlanLifecycle(PlanRepository plans, MessageBus bus, Clock clock, PlanNotifier notifier) {
    this.plans = plans;
    this.bus = bus;
    this.clock = clock;
    this.notifier = notifier;
  }

  /**
   * Stores the plan as RECEIVED, then hands it to the workflow. If the workflow queue refuses the
   * message, the plan is marked FAILED with the reason before the caller hears of it, so no plan
   * waits forever in RECEIVED for a message that never left.
   *
   * @throws NotQueuedException when the workflow queue refused the plan
   */
  public PlanRecord submit(String userId, PlanningRequest request, String correlationId) {
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
    MessageOrigin origin = MessageOrigin.start(correlationId);
    try {
      bus.send(submitted, origin);
    } catch (RuntimeException e) {
      LOG.error("plan {} could not be queued: {}", plan.planId(), e.toString());
      markNotQueued(plan, submitted, origin);
      throw new NotQueuedException(NOT_QUEUED);
    }
    LOG.info("plan {} submitted", plan.planId());
    return plan;
  }

  private void markNotQueued(PlanRecord plan, Envelope submitted, MessageOrigin origin) {
    Transition failed =
        Transition.of(
            PlanChange.of(plan, PlanStatus.FAILED, NOT_QUEUED),
            Transition.Cause.of(submitted, origin),
            clock.instant());
    try {
      plans.apply(failed);
    } catch (RuntimeException e) {
      LOG.error("plan {} could not be marked failed: {}", plan.planId(), e.toString());
    }
  }

  /**
   * Stops a plan that is still being worked on: it becomes CANCELLED (final), the workflow ignores
   * the agents' late answers and the execution agent posts nothing for it. Tried again when the
   * workflow moves the plan between the read and the write.
   *
   * @throws PlanConflictException when the plan has finished, is under review, or kept changing
   */
  public PlanRecord cancel(PlanRecord plan, String correlationId) {
    PlanRecord current = plan;
    for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
      Transition cancel = Transition.cancel(current, correlationId, clock.instant());
      if (commit(cancel, MessageOrigin.start(correlationId))) {
        return cancel.updated();
      }
      current = plans.find(plan.planId()).orElseThrow();
    }
    throw new PlanConflictException(
        "the plan kept changing while it was being cancelled; try again");
  }

  /**
   * Hands the owner's decision or reported event about {@code version} to the workflow, which makes
   * the change (or drops it, if the plan moved on meanwhile).
   *
   * @throws NotQueuedException when the workflow queue refused it
   */
  public void handOver(
      PlanRecord plan, MessageType type, int version, Object payload, String correlationId) {
    Envelope envelope =
        Envelope.create(type, plan.planId(), version, plan.userId(), payload, clock.instant());
    try {
      bus.send(envelope, MessageOrigin.start(correlationId));
    } catch (RuntimeException e) {
      LOG.error(
          "{} for plan {} could not be queued: {}", type.wireName(), plan.planId(), e.toString());
      throw new NotQueuedException(REQUEST_NOT_QUEUED);
    }
    LOG.info("{} for plan {} queued", type.wireName(), plan.planId());
  }

  /**
   * Stores the transition if the plan is still at the revision it starts from, then sends its
   * command with {@code origin} and notifies the owner.
   *
   * @return false when another writer (or an earlier delivery) moved the plan first
   */
  boolean commit(Transition transition, MessageOrigin origin) {
    if (!plans.apply(transition)) {
      return false;
    }
    if (transition.command() != null) {
      bus.send(transition.command(), origin);
    }
    PlanRecord updated = transition.updated();
    try {
      notifier.planChanged(updated, transition.event());
    } catch (RuntimeException e) {
      LOG.warn(
          "plan {} is {} but its owner was not notified", updated.planId(), updated.status(), e);
    }
    return true;
  }

  /** The workflow queue refused a message; the caller may try again. */
  public static final class NotQueuedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotQueuedException(String message) {
      super(message);
    }
  }
}
