package dev.finpilot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.agents.VerificationAgent;
import dev.finpilot.agents.VerificationMetrics;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.LifeEventReview;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.Relaxation;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.retrieval.InMemoryMarketDataCache;
import dev.finpilot.retrieval.SnapshotStore;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.Verifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The workflow with the real planning and verification agents, in memory: the README's sample
 * household, then an income change of -30%, and a first plan whose goal is out of reach. Retrieval
 * answers with the historical snapshot and execution applies every version.
 */
class RelaxedProposalTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String PLAN = "p1";

  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final Deque<Envelope> queue = new ArrayDeque<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Workflow workflow =
      new Workflow(plans, (e, o) -> queue.add(e), clock, WorkflowPolicy.DEFAULT, (u, e) -> {});
  private final CommandContext context = new CommandContext(plans, (e, o) -> queue.add(e), clock);
  private final PlanningAgent planning =
      new PlanningAgent(
          context,
          new Planner(),
          PlanningOptions.defaults().withPaths(1_000),
          new SnapshotStore(new InMemoryMarketDataCache()));
  private final VerificationAgent verification =
      new VerificationAgent(context, Verifier.standard(), VerificationMetrics.NONE);
  private final MessageOrigin origin = MessageOrigin.start("corr-relaxed");

  @Test
  void anIncomeCutOfThirtyPercentProposesTheSmallestRelaxationForApproval() {
    submit(sample("2000000.00"));
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);

    LifeEvent cut = LifeEvent.incomeChange("e1", NOW, new BigDecimal("-30"));
    LifeEventReview review = LifeEventReview.of(PLAN, cut, plan().request().state(), null);
    send(MessageType.TRIGGER_RAISED, 1, new Payloads.TriggerRaised(review.decision(), cut, null));

    PlanRecord pending = plan();
    assertThat(pending.status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(pending.activeVersion()).isEqualTo(1);
    assertThat(pending.currentVersion()).as("three rounds as asked, then one relaxed").isEqualTo(5);
    PlanVersion asked = plans.findVersion(PLAN, 4).orElseThrow();
    PlanVersion relaxed = plans.findVersion(PLAN, 5).orElseThrow();
    assertThat(relaxed.verification().outcome()).isNotEqualTo(Outcome.REJECTED);
    assertThat(relaxed.plan().successProbability()).isGreaterThanOrEqualTo(0.70);
    // Version 4's relaxations: the target $708,000 lower is 708,000 / 2,000,000 = 0.354 of it;
    // 9 years later is 108 / 303 months = 0.356 of the time to the goal; $1,250 more saving is
    // 1,250 / 1,300 = 0.96 of discretionary spending; more risk reaches 41.1%, below 70%.
    assertThat(new Planner().proposals(asked.request(), asked.reasoning().relaxationDetails()))
        .extracting(p -> p.relaxation().kind())
        .containsExactly(
            Relaxation.Kind.LOWER_TARGET,
            Relaxation.Kind.EXTEND_GOAL_DATE,
            Relaxation.Kind.INCREASE_SAVINGS);
    assertThat(relaxed.request().goals().get(0).targetAmount()).isEqualTo(Money.usd(1_292_000));
    assertThat(relaxed.request().goals().get(0).targetDate()).isEqualTo(LocalDate.of(2051, 6, 30));
    assertThat(relaxed.request().state().annualIncome()).isEqualTo(Money.usd(101_500));
    assertThat(pending.statusReason())
        .startsWith(
            "no plan passed verification in 3 rounds after HIGH INCOME_CHANGE: income change of"
                + " -30%")
        .contains(
            "as asked, the best plan (version 4) has a "
                + percent(asked.plan().successProbability())
                + " chance of success; version 5 lowers the target of 'Retire at 60 with $2M' from"
                + " $2,000,000 to $1,292,000: success "
                + percent(relaxed.plan().successProbability()))
        .endsWith("it awaits its owner's approval; version 1 stays in force until then");
    assertThat(relaxed.reasoning().proposal()).isNotNull();
    assertThat(pending.statusReason()).contains(relaxed.reasoning().proposal());

    // The planning agent asked again answers with the stored version, not a new one.
    planning.handle(
        Envelope.create(
            MessageType.GENERATE_PLAN,
            PLAN,
            5,
            "u1",
            new Payloads.GeneratePlan(4, List.of(), null, new Payloads.Relaxing(4, 1)),
            NOW),
        origin);
    assertThat(plans.findVersion(PLAN, 5)).contains(relaxed);
    assertThat(plans.findVersion(PLAN, 6)).isEmpty();
    assertThat(queue.poll().payloadAs(Payloads.PlanGenerated.class).proposal())
        .isEqualTo(relaxed.reasoning().proposal());

    send(MessageType.VERSION_APPROVED, 5, new Payloads.VersionApproved());
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(5);
  }

  @Test
  void aFirstPlanOutOfReachWaitsForItsOwnerOnTheSmallestRelaxationThatPasses() {
    submit(sample("6000000.00"));

    PlanRecord pending = plan();
    assertThat(pending.status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(pending.activeVersion()).isZero();
    PlanVersion relaxed = plans.findVersion(PLAN, pending.currentVersion()).orElseThrow();
    assertThat(relaxed.verification().outcome()).isNotEqualTo(Outcome.REJECTED);
    assertThat(pending.statusReason())
        .startsWith("no plan passed verification in 3 rounds; as asked, the best plan (version 3)")
        .contains("version 4 lowers the target of 'Retire at 60 with $2M' from $6,000,000 to")
        .endsWith("it awaits its owner's approval; nothing is in force until then");
    assertThat(relaxed.request().goals().get(0).targetAmount()).isLessThan(Money.usd(6_000_000));

    send(MessageType.VERSION_DECLINED, 4, new Payloads.VersionDeclined());
    assertThat(plan().status()).isEqualTo(PlanStatus.REJECTED);
  }

  private void submit(PlanningRequest request) {
    plans.create(PlanRecord.received(PLAN, "u1", request, "corr-relaxed", NOW));
    send(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted());
  }

  /** Sends one event and delivers every message it leads to, one at a time. */
  private void send(MessageType type, int version, Object payload) {
    queue.add(Envelope.create(type, PLAN, version, "u1", payload, NOW));
    while (!queue.isEmpty()) {
      Envelope e = queue.poll();
      switch (e.type().destination()) {
        case WORKFLOW -> workflow.handle(e, origin);
        case PLANNING -> planning.handle(e, origin);
        case VERIFICATION -> verification.handle(e, origin);
        case RETRIEVAL ->
            queue.add(
                reply(
                    e,
                    MessageType.MARKET_DATA_RETRIEVED,
                    new Payloads.MarketDataRetrieved(
                        "embedded", "test", MarketSnapshot.historical().id())));
        case EXECUTION ->
            queue.add(reply(e, MessageType.PLAN_EXECUTED, new Payloads.PlanExecuted(1, null)));
      }
    }
  }

  private static Envelope reply(Envelope command, MessageType type, Object payload) {
    return Envelope.create(
        type, command.planId(), command.planVersion(), command.userId(), payload, NOW);
  }

  private PlanRecord plan() {
    return plans.find(PLAN).orElseThrow();
  }

  /** The README's sample request (events/api/create-plan.json) as of today, with its target. */
  private static PlanningRequest sample(String target) {
    try {
      String event = Files.readString(Path.of("../../events/api/create-plan.json"));
      String body = Json.readTree(event).get("body").asText().replace("2000000.00", target);
      PlanningRequest read = Json.read(body, PlanningRequest.class);
      return new PlanningRequest(read.state(), read.goals(), 2026, LocalDate.of(2026, 3, 2));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String percent(double probability) {
    return String.format(Locale.US, "%.1f%%", probability * 100);
  }
}
