package dev.finpilot.workflow;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.agents.VerificationAgent;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.LifeEventReview;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.retrieval.InMemoryMarketDataCache;
import dev.finpilot.retrieval.SnapshotStore;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ScratchReproTest {
  @Test
  void repro() throws Exception {
    Instant now = Instant.parse("2026-03-02T10:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    InMemoryPlanRepository plans = new InMemoryPlanRepository();
    Deque<Envelope> queue = new ArrayDeque<>();
    MessageBus bus = (e, o) -> queue.add(e);
    Workflow wf = new Workflow(plans, bus, clock, WorkflowPolicy.DEFAULT, (u, e) -> {});
    CommandContext ctx = new CommandContext(plans, bus, clock);
    PlanningAgent planning =
        new PlanningAgent(
            ctx,
            new Planner(),
            PlanningOptions.defaults().withPaths(1000),
            new SnapshotStore(new InMemoryMarketDataCache()));
    VerificationAgent verification = new VerificationAgent(ctx, Verifier.standard());
    String body =
        Json.readTree(Files.readString(Path.of("../../events/api/create-plan.json")))
            .get("body")
            .asText();
    PlanningRequest parsed = Json.read(body, PlanningRequest.class);
    PlanningRequest request =
        new PlanningRequest(
            parsed.state(), parsed.goals(), 2026, java.time.LocalDate.of(2026, 3, 2));
    plans.create(PlanRecord.received("p1", "u1", request, "c", now));
    queue.add(
        Envelope.create(
            MessageType.PLAN_SUBMITTED, "p1", 0, "u1", new Payloads.PlanSubmitted(), now));
    run(queue, wf, planning, verification, plans, now);
    PlanRecord head = plans.find("p1").orElseThrow();
    System.out.println(
        "FIRST: " + head.status() + " v" + head.activeVersion() + " " + head.statusReason());
    LifeEvent ev = LifeEvent.incomeChange("ev1", now, new BigDecimal("-30"));
    LifeEventReview review = LifeEventReview.of("p1", ev, head.request().state(), null);
    System.out.println("DECISION " + review.decision());
    queue.add(
        Envelope.create(
            MessageType.TRIGGER_RAISED,
            "p1",
            head.activeVersion(),
            "u1",
            new Payloads.TriggerRaised(review.decision(), ev, null),
            now));
    run(queue, wf, planning, verification, plans, now);
    head = plans.find("p1").orElseThrow();
    System.out.println(
        "AFTER: "
            + head.status()
            + " active v"
            + head.activeVersion()
            + " current v"
            + head.currentVersion()
            + " :: "
            + head.statusReason());
    for (int v = 1; v <= head.currentVersion(); v++) {
      PlanVersion pv = plans.findVersion("p1", v).orElseThrow();
      System.out.println(
          "v"
              + v
              + " proposal="
              + pv.reasoning().proposal()
              + " req="
              + pv.request().goals().get(0)
              + " success="
              + pv.plan().successProbability()
              + " outcome="
              + (pv.verification() == null ? null : pv.verification().outcome())
              + " relax="
              + pv.reasoning().relaxations());
    }
  }

  @Test
  void outOfReach() throws Exception {
    Instant now = Instant.parse("2026-03-02T10:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    InMemoryPlanRepository plans = new InMemoryPlanRepository();
    Deque<Envelope> queue = new ArrayDeque<>();
    MessageBus bus = (e, o) -> queue.add(e);
    Workflow wf = new Workflow(plans, bus, clock, WorkflowPolicy.DEFAULT, (u, e) -> {});
    CommandContext ctx = new CommandContext(plans, bus, clock);
    PlanningAgent planning =
        new PlanningAgent(
            ctx,
            new Planner(),
            PlanningOptions.defaults().withPaths(1000),
            new SnapshotStore(new InMemoryMarketDataCache()));
    VerificationAgent verification = new VerificationAgent(ctx, Verifier.standard());
    String body =
        Json.readTree(Files.readString(Path.of("../../events/api/create-plan.json")))
            .get("body")
            .asText()
            .replace("2000000.00", "6000000.00");
    PlanningRequest parsed = Json.read(body, PlanningRequest.class);
    PlanningRequest request =
        new PlanningRequest(
            parsed.state(), parsed.goals(), 2026, java.time.LocalDate.of(2026, 3, 2));
    plans.create(PlanRecord.received("p1", "u1", request, "c", now));
    queue.add(
        Envelope.create(
            MessageType.PLAN_SUBMITTED, "p1", 0, "u1", new Payloads.PlanSubmitted(), now));
    run(queue, wf, planning, verification, plans, now);
    PlanRecord head = plans.find("p1").orElseThrow();
    System.out.println(
        "OOR: "
            + head.status()
            + " active v"
            + head.activeVersion()
            + " current v"
            + head.currentVersion()
            + " :: "
            + head.statusReason());
  }

  private static void run(
      Deque<Envelope> queue,
      Workflow wf,
      PlanningAgent planning,
      VerificationAgent verification,
      InMemoryPlanRepository plans,
      Instant now) {
    MessageOrigin origin = MessageOrigin.start("c");
    while (!queue.isEmpty()) {
      Envelope e = queue.poll();
      switch (e.type().destination()) {
        case WORKFLOW -> wf.handle(e, origin);
        case PLANNING -> planning.handle(e, origin);
        case VERIFICATION -> verification.handle(e, origin);
        case RETRIEVAL ->
            queue.add(
                Envelope.create(
                    MessageType.MARKET_DATA_RETRIEVED,
                    e.planId(),
                    e.planVersion(),
                    e.userId(),
                    new Payloads.MarketDataRetrieved(
                        "embedded", "x", MarketSnapshot.historical().id()),
                    now));
        case EXECUTION ->
            queue.add(
                Envelope.create(
                    MessageType.PLAN_EXECUTED,
                    e.planId(),
                    e.planVersion(),
                    e.userId(),
                    new Payloads.PlanExecuted(1, null),
                    now));
        default -> throw new IllegalStateException(e.type().toString());
      }
    }
  }
}
