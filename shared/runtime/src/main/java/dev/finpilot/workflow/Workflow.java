package dev.finpilot.workflow;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.Transition;
import java.time.Clock;
import java.util.Optional;

/**
 * The plan state machine. Each incoming event either moves the plan one step (a conditional write
 * on its revision, then the next command), or is recognised as stale or duplicate and dropped.
 *
 * <p>Crash safety: the command is stored with the transition. If the process dies after the write
 * but before sending, the redelivered event finds itself recorded as the plan's last cause and
 * resends the stored command; agents are idempotent, so a second copy is harmless.
 */
public final class Workflow {

  /** What became of one event; exposed for logs, metrics and tests. */
  public enum Disposition {
    ADVANCED,
    RESENT,
    IGNORED
  }

  private static final int MAX_ATTEMPTS = 4;

  private final PlanRepository plans;
  private final MessageBus bus;
  private final Clock clock;
  private final WorkflowStep step;
  private final PlanLifecycle lifecycle;

  public Workflow(
      PlanRepository plans,
      MessageBus bus,
      Clock clock,
      WorkflowPolicy policy,
      PlanNotifier notifier) {
    this.plans = plans;
    this.bus = bus;
    this.clock = clock;
    this.step = new WorkflowStep(policy, clock);
    this.lifecycle = new PlanLifecycle(plans, bus, clock, notifier);
  }

  public Disposition handle(Envelope event, MessageOrigin origin) {
    for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Disposition> disposition = tryHandle(event, origin);
      if (disposition.isPresent()) {
        return disposition.get();
      }
    }
    throw new IllegalStateException(
        "plan " + event.planId() + " kept changing under " + event.type().wireName());
  }

  /** Empty when another writer moved the plan between our read and our write. */
  private Optional<Disposition> tryHandle(Envelope event, MessageOrigin origin) {
    PlanRecord plan =
        plans.find(event.planId()).orElseThrow(() -> new UnknownPlanException(event.planId()));
    if (event.messageId().equals(plan.lastMessageId())) {
      return Optional.of(resend(plan, origin.causedBy(event)));
    }
    Optional<PlanChange> change = step.decide(plan, event);
    if (change.isEmpty()) {
      return Optional.of(Disposition.IGNORED);
    }
    Transition transition =
        Transition.of(change.get(), Transition.Cause.of(event, origin), clock.instant());
    return lifecycle.commit(transition, origin.causedBy(event))
        ? Optional.of(Disposition.ADVANCED)
        : Optional.empty();
  }

  private Disposition resend(PlanRecord plan, MessageOrigin origin) {
    Optional<Envelope> command = plans.commandAt(plan.planId(), plan.revision());
    command.ifPresent(c -> bus.send(c, origin));
    return command.isPresent() ? Disposition.RESENT : Disposition.IGNORED;
  }

  /** Thrown for events about plans that do not exist: never retried into existence. */
  public static final class UnknownPlanException extends PoisonMessageException {
    private static final long serialVersionUID = 1L;

    public UnknownPlanException(String planId) {
      super("unknown plan " + planId);
    }
  }
}
