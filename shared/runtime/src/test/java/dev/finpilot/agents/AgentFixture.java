package dev.finpilot.agents;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A plan stored with one version, a recording bus, and commands for it. */
final class AgentFixture {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  final List<Envelope> sent = new ArrayList<>();
  final List<MessageOrigin> origins = new ArrayList<>();
  final MessageBus bus =
      (envelope, origin) -> {
        sent.add(envelope);
        origins.add(origin);
      };
  final CommandContext context = new CommandContext(plans, bus, Clock.fixed(NOW, ZoneOffset.UTC));
  final MessageOrigin origin = new MessageOrigin("corr-7", "cause-1");

  AgentFixture(PlanningRequest request, Plan plan) {
    plans.create(PlanRecord.received("p1", "u1", request, "corr-7", NOW));
    plans.saveVersion(new PlanVersion("p1", 1, plan, null, null, null, NOW));
  }

  /**
   * Version 2 replaces version 1 after a review: the head is EXECUTING version 2 while version 1 is
   * still the active one.
   */
  void reviewedInto(Plan plan) {
    PlanRecord head = plans.find("p1").orElseThrow();
    PlanRecord executing =
        new PlanRecord(
            "p1",
            "u1",
            PlanStatus.EXECUTING,
            head.revision() + 1,
            2,
            1,
            1,
            null,
            List.of(),
            "corr-7",
            null,
            null,
            head.request(),
            head.createdAt(),
            NOW);
    plans.apply(
        new Transition(
            executing,
            new PlanEvent(
                "p1",
                executing.revision(),
                head.status(),
                PlanStatus.EXECUTING,
                "VersionApproved",
                "m-2",
                "corr-7",
                null,
                NOW,
                0),
            null));
    plans.saveVersion(new PlanVersion("p1", 2, plan, null, null, null, NOW));
  }

  Envelope command(MessageType type, String userId, Object payload) {
    return Envelope.create(type, "p1", 1, userId, payload, NOW);
  }

  Envelope lastSent() {
    return sent.get(sent.size() - 1);
  }

  static Plan plan(List<Contribution> contributions, String equity, double success) {
    String rest =
        new java.math.BigDecimal("1").subtract(new java.math.BigDecimal(equity)).toPlainString();
    return new Plan(
        "balanced",
        contributions,
        List.<DebtPayment>of(),
        DebtPayoffMethod.AVALANCHE,
        dev.finpilot.domain.Money.usd(9_000),
        GlidePath.constant(35, Allocation.of(equity, rest, "0")),
        null,
        null,
        null,
        0,
        null,
        success);
  }
}
