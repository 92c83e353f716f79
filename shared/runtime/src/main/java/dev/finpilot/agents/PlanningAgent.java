package dev.finpilot.agents;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import java.util.Optional;

/**
 * Generates a plan version by guided search, or, in later rounds, replans so that the verifier's
 * findings are resolved. The version is stored once (the planner is seeded from the request, so a
 * redelivery computes the same plan); the reply carries the strategy, its probability of success
 * and, when nothing could pass, the relaxations the planner suggests.
 */
public final class PlanningAgent {

  private final CommandContext context;
  private final Planner planner;
  private final PlanningOptions options;

  public PlanningAgent(CommandContext context, Planner planner, PlanningOptions options) {
    this.context = context;
    this.planner = planner;
    this.options = options;
  }

  public void handle(Envelope command, MessageOrigin origin) {
    PlanRecord plan = context.planFor(command, MessageType.GENERATE_PLAN);
    Optional<PlanVersion> stored =
        context.plans().findVersion(command.planId(), command.planVersion());
    PlanVersion version = stored.orElseGet(() -> generate(plan, command));
    context.reply(command, MessageType.PLAN_GENERATED, generated(version), origin);
  }

  private PlanVersion generate(PlanRecord plan, Envelope command) {
    Payloads.GeneratePlan request = command.payloadAs(Payloads.GeneratePlan.class);
    PlanningResult result =
        request.findingsToResolve().isEmpty()
            ? planner.plan(plan.request(), options)
            : planner.replan(plan.request(), request.findingsToResolve(), request.round(), options);
    PlanVersion version =
        new PlanVersion(
            plan.planId(),
            command.planVersion(),
            result.plan(),
            PlanReasoning.of(result),
            result.projection(),
            null,
            context.clock().instant());
    context.plans().saveVersion(version);
    return version;
  }

  private static Payloads.PlanGenerated generated(PlanVersion version) {
    return new Payloads.PlanGenerated(
        version.reasoning().strategy().name(),
        version.plan().successProbability(),
        version.reasoning().relaxations());
  }
}
