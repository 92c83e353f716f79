package dev.finpilot.agents;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanVersion;
import java.time.Clock;

/**
 * What every agent does around its own work: check that a command is meant for it and belongs to
 * the plan's owner, load the plan, and answer the workflow with the command's origin.
 */
public record CommandContext(PlanRepository plans, MessageBus bus, Clock clock) {

  /** The plan a command is about, after checking its type and owner. */
  public PlanRecord planFor(Envelope command, MessageType expected) {
    if (command.type() != expected) {
      throw new PoisonMessageException(
          "expected " + expected.wireName() + ", got " + command.type().wireName());
    }
    PlanRecord plan =
        plans
            .find(command.planId())
            .orElseThrow(() -> new PoisonMessageException("unknown plan " + command.planId()));
    if (!plan.userId().equals(command.userId())) {
      throw new PoisonMessageException("command user does not own plan " + plan.planId());
    }
    return plan;
  }

  public PlanVersion versionFor(Envelope command) {
    return plans
        .findVersion(command.planId(), command.planVersion())
        .orElseThrow(
            () ->
                new PoisonMessageException(
                    "plan " + command.planId() + " has no version " + command.planVersion()));
  }

  public void reply(Envelope command, MessageType type, Object payload, MessageOrigin origin) {
    bus.send(
        Envelope.create(
            type,
            command.planId(),
            command.planVersion(),
            command.userId(),
            payload,
            clock.instant()),
        origin.causedBy(command));
  }
}
