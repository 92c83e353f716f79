package dev.finpilot.agents;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.planning.RelaxationProposal;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.retrieval.SnapshotStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Generates a plan version by guided search, or, in later rounds, replans so that the verifier's
 * findings are resolved. The version is stored once (the planner is seeded from the request, so a
 * redelivery computes the same plan); the reply carries the strategy, its probability of success
 * and, when nothing could pass, the relaxations the planner suggests.
 *
 * <p>When no round passed, the workflow asks for relaxed versions: the planner runs on the request
 * with one of the last version's relaxations applied (smallest change first, {@link
 * RelaxationProposal}), and the version keeps that relaxed request and says what it gives up.
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
    Payloads.GeneratePlan request = command.payloadAs(Payloads.GeneratePlan.class);
    Payloads.PlanGenerated reply =
        context
            .plans()
            .findVersion(command.planId(), command.planVersion())
            .or(() -> generate(plan, command, request))
            .map(PlanningAgent::generated)
            .orElseGet(() -> nothingToPropose(baseOf(command, request.relaxing())));
    context.reply(command, MessageType.PLAN_GENERATED, reply, origin);
  }

  /** Empty only for a relaxed round with no relaxation left to propose. */
  private Optional<PlanVersion> generate(
      PlanRecord plan, Envelope command, Payloads.GeneratePlan request) {
    MarketSnapshot snapshot = snapshotFor(command, request);
    PlanningOptions planning = options.withSnapshot(snapshot);
    if (request.relaxing() != null) {
      return relaxed(plan, command, request.relaxing(), planning, snapshot);
    }
    PlanningResult result =
        request.findingsToResolve().isEmpty()
            ? planner.plan(plan.request(), planning)
            : planner.replan(
                plan.request(), request.findingsToResolve(), request.round(), planning);
    return Optional.of(save(command, result, PlanReasoning.of(result), snapshot, plan.request()));
  }

  /**
   * The version planned on the request with the {@code rank}-th smallest relaxation of the last
   * version planned as asked; empty when there are fewer relaxations than that.
   */
  private Optional<PlanVersion> relaxed(
      PlanRecord plan,
      Envelope command,
      Payloads.Relaxing relaxing,
      PlanningOptions planning,
      MarketSnapshot snapshot) {
    PlanVersion base = baseOf(command, relaxing);
    PlanningRequest asked = base.requestOr(plan.request());
    // Versions stored before relaxations kept their numbers have none to propose.
    List<RelaxationProposal> proposals =
        base.reasoning() == null || base.reasoning().relaxationDetails() == null
            ? List.of()
            : planner.proposals(asked, base.reasoning().relaxationDetails());
    if (relaxing.rank() > proposals.size()) {
      return Optional.empty();
    }
    RelaxationProposal proposal = proposals.get(relaxing.rank() - 1);
    PlanningResult result = planner.plan(proposal.request(), planning);
    String change =
        "as asked, the best plan (version "
            + base.version()
            + ") has a "
            + percent(base.plan().successProbability())
            + " chance of success; version "
            + command.planVersion()
            + " "
            + proposal.change()
            + ": success "
            + percent(result.plan().successProbability())
            + " vs "
            + percent(base.plan().successProbability());
    return Optional.of(
        save(
            command,
            result,
            PlanReasoning.of(result).proposing(change),
            snapshot,
            proposal.request()));
  }

  private PlanVersion save(
      Envelope command,
      PlanningResult result,
      PlanReasoning reasoning,
      MarketSnapshot snapshot,
      PlanningRequest request) {
    PlanVersion version =
        new PlanVersion(
            command.planId(),
            command.planVersion(),
            result.plan(),
            reasoning,
            result.projection(),
            null,
            context.clock().instant(),
            snapshot,
            request);
    context.plans().saveVersion(version);
    return version;
  }

  private PlanVersion baseOf(Envelope command, Payloads.Relaxing relaxing) {
    return context
        .plans()
        .findVersion(command.planId(), relaxing.version())
        .orElseThrow(
            () ->
                new PoisonMessageException(
                    "plan " + command.planId() + " has no version " + relaxing.version()));
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
        version.reasoning().relaxations(),
        version.reasoning().proposal());
  }

  /** No version: the relaxations of the version planned as asked, for the owner to weigh. */
  private static Payloads.PlanGenerated nothingToPropose(PlanVersion base) {
    List<String> relaxations =
        base.reasoning() == null ? List.of() : base.reasoning().relaxations();
    return new Payloads.PlanGenerated(null, base.plan().successProbability(), relaxations, null);
  }

  private static String percent(double probability) {
    return String.format(Locale.US, "%.1f%%", probability * 100);
  }
}
