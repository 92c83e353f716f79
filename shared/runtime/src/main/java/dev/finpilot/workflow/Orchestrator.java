package dev.finpilot.workflow;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.messaging.Trace;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan state machine. Each incoming event either moves the plan one step (a conditional write
 * on its revision, then the next command), or is recognised as stale or duplicate and dropped.
 *
 * <p>Crash safety: the command is stored with the transition. If the process dies after the write
 * but before sending, the redelivered event finds itself recorded as the plan's last cause and
 * resends the stored command; agents are idempotent, so a second copy is harmless.
 *
 * <p>After a stored transition the owner is notified. A failed notification is logged and
 * forgotten: retrying the event for it would replay a transition that already happened.
 */
public final class Orchestrator {

  /** What became of one event; exposed for logs, metrics and tests. */
  public enum Outcome {
    ADVANCED,
    RESENT,
    IGNORED
  }

  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final int MAX_ATTEMPTS = 4;

  private final PlanRepository plans;
  private final MessageBus bus;
  private final Clock clock;
  private final WorkflowStep step;
  private final PlanNotifier notifier;

  public Orchestrator(
      PlanRepository plans,
      MessageBus bus,
      Clock clock,
      WorkflowPolicy policy,
      PlanNotifier notifier) {
    this.plans = plans;
    this.bus = bus;
    this.clock = clock;
    this.step = new WorkflowStep(policy, clock);
    this.notifier = notifier;
  }

  public Outcome handle(Envelope event, Trace trace) {
    for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Outcome> outcome = tryHandle(event, trace);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    throw new IllegalStateException(
        "plan " + event.planId() + " kept changing under " + event.type().wireName());
  }

  /** Empty when another writer moved the plan between our read and our write. */
  private Optional<Outcome> tryHandle(Envelope event, Trace trace) {
    PlanRecord plan =
        plans.find(event.planId()).orElseThrow(() -> new UnknownPlanException(event.planId()));
    if (event.messageId().equals(plan.lastMessageId())) {
      return Optional.of(resend(plan, trace.causedBy(event)));
    }
    Optional<WorkflowStep.Decision> decision = step.decide(plan, event);
    if (decision.isEmpty()) {
      return Optional.of(Outcome.IGNORED);
    }
    WorkflowStep.Decision d = decision.get();
    Instant now = clock.instant();
    PlanRecord updated =
        new PlanRecord(
            plan.planId(),
            plan.userId(),
            d.status(),
            plan.revision() + 1,
            d.version(),
            d.activeVersion(),
            d.round(),
            d.review(),
            d.deferred(),
            plan.correlationId(),
            d.reason(),
            event.messageId(),
            d.request(),
            plan.createdAt(),
            now);
    Envelope command =
        d.command() == null
            ? null
            : Envelope.create(
                d.command(), plan.planId(), d.commandVersion(), plan.userId(), d.payload(), now);
    PlanEvent history =
        new PlanEvent(
            plan.planId(),
            updated.revision(),
            plan.status(),
            d.status(),
            event.type().wireName(),
            event.messageId(),
            trace.correlationId(),
            d.reason(),
            now,
            Duration.between(plan.updatedAt(), now).toMillis());
    if (!plans.apply(new Transition(updated, history, command))) {
      return Optional.empty();
    }
    if (command != null) {
      bus.send(command, trace.causedBy(event));
    }
    notifyOwner(updated, history);
    return Optional.of(Outcome.ADVANCED);
  }

  private void notifyOwner(PlanRecord updated, PlanEvent history) {
    try {
      notifier.planChanged(updated, history);
    } catch (RuntimeException e) {
      LOG.warn(
          "plan {} is {} but its owner was not notified", updated.planId(), updated.status(), e);
    }
  }

  private Outcome resend(PlanRecord plan, Trace trace) {
    Optional<Envelope> command = plans.commandAt(plan.planId(), plan.revision());
    command.ifPresent(c -> bus.send(c, trace));
    return command.isPresent() ? Outcome.RESENT : Outcome.IGNORED;
  }

  /** Thrown for events about plans that do not exist: never retried into existence. */
  public static final class UnknownPlanException extends PoisonMessageException {
    private static final long serialVersionUID = 1L;

    public UnknownPlanException(String planId) {
      super("unknown plan " + planId);
    }
  }
}
