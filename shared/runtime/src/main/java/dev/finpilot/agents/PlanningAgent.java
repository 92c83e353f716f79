package dev.finpilot.agents;

import dev.finpilot.market.MarketSnapshot;
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
import dev.finpilot.retrieval.SnapshotStore;
import java.util.Optional;

/**
 * Generates a plan version by guided search, or, in later rounds, replans so that the verifier's
 * findings are resolved. The version is stored once (the planner is seeded from the request, so a
 * redelivery computes the same plan); the reply carries the strategy, its probability of success
 * and, when nothing could pass, the relaxations the planner suggests.
 *
 * <p>Every version is planned in a market snapshot, the only source of its expected returns: the
 * one the retrieval agent built for this round, or, when replanning, the previous version's. The
 * version keeps the snapshot.
 */
public final class PlanningAgent {

  private final CommandContext context;
  private final Planner planner;
  private final PlanningOptions options;
  private final SnapshotStore snapshots;

  public PlanningAgent(
      CommandContext context, Planner planner, PlanningOptions options, SnapshotStore snapshots) {
    this.context = context;
    this.planner = planner;
    this.options = options;
    this.snapshots = snapshots;
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
    MarketSnapshot snapshot = snapshotFor(command, request);
    PlanningOptions planning = options.withSnapshot(snapshot);
    PlanningResult result =
        request.findingsToResolve().isEmpty()
            ? planner.plan(plan.request(), planning)
            : planner.replan(
                plan.request(), request.findingsToResolve(), request.round(), planning);
    PlanVersion version =
        new PlanVersion(
            plan.planId(),
            command.planVersion(),
            result.plan(),
            PlanReasoning.of(result),
            result.projection(),
            null,
            context.clock().instant(),
            snapshot,
            plan.request());
    context.plans().saveVersion(version);
    return version;
  }

  /**
   * The snapshot the command names; without one, the previous version's. A named snapshot not found
   * yet is retried (the cache read may lag the retrieval agent's write), not refused.
   */
  private MarketSnapshot snapshotFor(Envelope command, Payloads.GeneratePlan request) {
    if (request.snapshotId() != null) {
      return snapshots
          .find(request.snapshotId(), context.clock().instant())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "market snapshot " + request.snapshotId() + " is not in the cache"));
    }
    return context
        .plans()
        .findVersion(command.planId(), command.planVersion() - 1)
        .map(PlanVersion::snapshot)
        .orElseGet(MarketSnapshot::historical);
  }

  private static Payloads.PlanGenerated generated(PlanVersion version) {
    return new Payloads.PlanGenerated(
        version.reasoning().strategy().name(),
        version.plan().successProbability(),
        version.reasoning().relaxations());
  }
}
