package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.RecordingBus;
import dev.finpilot.monitoring.MarketEventType;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.plans.ActivePlanFixtures;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.retrieval.OfflineMarketData;
import dev.finpilot.workflow.Workflow;
import dev.finpilot.workflow.WorkflowPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One monitor run over fake ports: which plans it raises triggers for, and when it stays quiet. */
class MarketWatchTest {

  private static final Instant START = Instant.parse("2025-02-14T15:00:00Z");

  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final InMemoryPlanWatches watches = new InMemoryPlanWatches();
  private final RecordingBus bus = new RecordingBus();
  private final ScriptedMarket market =
      new ScriptedMarket(LocalDate.of(2025, 1, 2)).moveTo("100", 30);
  private final List<MonitorRun> published = new ArrayList<>();
  private final MarketWatch watch = new MarketWatch(market, plans, watches, bus, published::add);
  private Instant now = START;

  @Test
  void aFallOf37PercentOverAYearRaisesForThePlansBaselinedBeforeItOnly() {
    activate("before-1", 1);
    activate("before-2", 1);
    MonitorRun first = run();
    market.moveTo("63", 252);
    activate("after", 1);

    MonitorRun second = run();

    assertThat(first.plansBaselined()).isEqualTo(2);
    assertThat(first.triggersRaised()).isZero();
    assertThat(second.plansWatched()).isEqualTo(2);
    assertThat(second.plansBaselined()).isEqualTo(1);
    assertThat(second.triggersRaised()).isEqualTo(2);
    assertThat(published).containsExactly(first, second);
    assertThat(bus.sent())
        .extracting(Envelope::planId)
        .containsExactlyInAnyOrder("before-1", "before-2");
    assertThat(bus.sent())
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(MessageType.TRIGGER_RAISED));
    ReviewDecision decision = decision(bus.sent().get(0));
    assertThat(decision.severity()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(decision.action()).isEqualTo(ReviewAction.REPLAN);
    assertThat(decision.reasons().get(0))
        .contains("SPY is 37.00% below the plan's baseline of 100");
    assertThat(watches.get("after").baseline().value()).isEqualByComparingTo("63");
    assertThat(watches.get("before-1").raised())
        .containsExactly(Map.entry(MarketEventType.DRAWDOWN, TriggerSeverity.CRITICAL));
  }

  @Test
  void aSecondRunWithNoFurtherFallRaisesNothing() {
    activate("p1", 1);
    run();
    market.moveTo("63", 252);
    run();
    int raisedBefore = bus.sent().size();
    market.moveTo("63", 1);

    MonitorRun again = run();

    assertThat(raisedBefore).isEqualTo(1);
    assertThat(again.plansWatched()).isEqualTo(1);
    assertThat(again.triggersRaised()).isZero();
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void aFurtherFallIntoAGraverBandRaisesAgainOnlyWhereTheBandIsGraver() {
    activate("at-100", 1);
    run();
    market.moveTo("80", 120);
    activate("at-80", 1);
    run();
    market.moveTo("63", 130);
    run();
    bus.clear();

    market.moveTo("55", 20);
    MonitorRun further = run();

    // at-100: 37% was CRITICAL already; at-80: 21.25% (HIGH), now 31.25% (CRITICAL).
    assertThat(further.triggersRaised()).isEqualTo(1);
    assertThat(bus.sent())
        .singleElement()
        .satisfies(e -> assertThat(e.planId()).isEqualTo("at-80"));
    assertThat(decision(bus.sent().get(0)).severity()).isEqualTo(TriggerSeverity.CRITICAL);
  }

  @Test
  void aConditionThatClearsAndComesBackRaisesAgain() {
    activate("p1", 1);
    run();
    market.moveTo("85", 60);
    run();
    market.moveTo("95", 60);
    MonitorRun recovered = run();
    market.moveTo("85", 60);

    MonitorRun fallenAgain = run();

    assertThat(recovered.triggersRaised()).isZero();
    assertThat(fallenAgain.triggersRaised()).isEqualTo(1);
    assertThat(bus.sent()).hasSize(2);
    assertThat(bus.sent())
        .allSatisfy(e -> assertThat(decision(e).severity()).isEqualTo(TriggerSeverity.MEDIUM));
  }

  @Test
  void aNewPlanGetsTheLatestCloseAsBaselineAndNoTrigger() {
    market.moveTo("63", 252);
    activate("new", 1);

    MonitorRun run = run();

    assertThat(run.plansBaselined()).isEqualTo(1);
    assertThat(run.triggersRaised()).isZero();
    assertThat(watches.get("new").baseline().date()).isEqualTo(run.asOf());
    assertThat(watches.get("new").version()).isEqualTo(1);
  }

  @Test
  void aNewActiveVersionResetsTheBaselineAndWhatWasRaised() {
    activate("p1", 1);
    run();
    market.moveTo("63", 252);
    run();
    activate("p1", 2);
    bus.clear();

    MonitorRun run = run();

    assertThat(run.plansBaselined()).isEqualTo(1);
    assertThat(bus.sent()).isEmpty();
    assertThat(watches.get("p1").version()).isEqualTo(2);
    assertThat(watches.get("p1").baseline().value()).isEqualByComparingTo("63");
    assertThat(watches.get("p1").raised()).isEmpty();
  }

  @Test
  void aRateMoveRaisesForEveryWatchedPlanOnce() {
    activate("p1", 1);
    activate("p2", 1);
    market.moveTo("100", 70);
    run();
    market.moveTo("101", 1).yieldMovesTo(Rate.DGS10, "4.00", "5.10");

    MonitorRun moved = run();
    MonitorRun again = run();

    assertThat(moved.triggersRaised()).isEqualTo(2);
    assertThat(again.triggersRaised()).isZero();
    assertThat(decision(bus.sent().get(0)).severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(decision(bus.sent().get(0)).reasons().get(0)).contains("DGS10 rose 110 bps");
  }

  @Test
  void theMarketIsReadOncePerRunWhateverTheNumberOfPlans() {
    for (int i = 0; i < 1_100; i++) {
      activate(String.format("plan-%04d", i), 1);
    }
    run();
    int readsBefore = market.reads();
    market.moveTo("63", 252);

    MonitorRun run = run();

    // The closes, then each of the two yields.
    assertThat(market.reads() - readsBefore).isEqualTo(1 + Rate.values().length);
    assertThat(run.plansWatched()).isEqualTo(1_100);
    assertThat(run.triggersRaised()).isEqualTo(1_100);
    assertThat(bus.sent()).extracting(Envelope::planId).doesNotHaveDuplicates();
  }

  @Test
  void aRetriedRunSendsTheSameMessagesSoTheWorkflowCountsThemOnce() {
    activate("p1", 1);
    run();
    market.moveTo("63", 252);
    InMemoryPlanWatches before = copy(watches);
    Instant scheduled = now.plus(Duration.ofMinutes(15));

    new MarketWatch(market, plans, watches, bus, MonitorMetrics.NONE).run(scheduled);
    new MarketWatch(market, plans, before, bus, MonitorMetrics.NONE).run(scheduled);

    assertThat(bus.sent()).hasSize(2);
    assertThat(bus.sent().get(1).messageId()).isEqualTo(bus.sent().get(0).messageId());
    assertThat(decision(bus.sent().get(1)).triggerId())
        .isEqualTo(decision(bus.sent().get(0)).triggerId());
    assertThat(bus.origins().get(1)).isEqualTo(bus.origins().get(0));
    assertThat(bus.origins().get(0).correlationId()).isEqualTo("market-monitor-" + scheduled);
  }

  @Test
  void theTriggerPutsTheActivePlanUnderReview() {
    Workflow workflow =
        new Workflow(
            plans,
            bus,
            Clock.fixed(START, ZoneOffset.UTC),
            WorkflowPolicy.DEFAULT,
            (updated, event) -> {});
    activate("p1", 1);
    MarketWatch reviewing =
        new MarketWatch(
            market,
            plans,
            watches,
            (envelope, origin) -> workflow.handle(envelope, origin),
            MonitorMetrics.NONE);
    reviewing.run(now);
    market.moveTo("63", 252);

    reviewing.run(now.plusSeconds(900));

    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(plan.review().severity()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(bus.sent())
        .extracting(Envelope::type)
        .containsExactly(MessageType.RETRIEVE_MARKET_DATA);
  }

  @Test
  void withoutLiveMarketDataARunRaisesNothingAndReadsNoPlan() {
    activate("p1", 1);
    plans.breakWith(new IllegalStateException("the plans must not be read"));

    MonitorRun run =
        new MarketWatch(new OfflineMarketData(), plans, watches, bus, published::add).run(now);

    assertThat(run.withoutDataReason()).contains("MARKET_DATA_SOURCES is empty");
    assertThat(run.triggersRaised()).isZero();
    assertThat(published).containsExactly(run);
    assertThat(bus.sent()).isEmpty();
    assertThat(watches.saved()).isEmpty();
  }

  @Test
  void closesFromTheEmbeddedDataSetOrTooFewToMeasureAreNoLiveData() {
    activate("p1", 1);
    market.servedAs(Provenance.EMBEDDED);

    MonitorRun embedded = run();
    MonitorRun tooShort =
        new MarketWatch(
                new ScriptedMarket(LocalDate.of(2026, 1, 2)).moveTo("100", 21),
                plans,
                watches,
                bus,
                MonitorMetrics.NONE)
            .run(now);

    assertThat(embedded.withoutDataReason()).contains("embedded historical data set");
    assertThat(tooShort.withoutDataReason()).contains("answered 21 closes");
    assertThat(watches.saved()).isEmpty();
  }

  @Test
  void cachedAndStaleClosesAreWatchedAsTheyAre() {
    activate("p1", 1);
    market.servedAs(Provenance.CACHED);
    run();
    market.moveTo("63", 252).servedAs(Provenance.STALE);

    assertThat(run().triggersRaised()).isEqualTo(1);
  }

  private MonitorRun run() {
    now = now.plus(Duration.ofMinutes(15));
    return watch.run(now);
  }

  /** Makes the plan ACTIVE on {@code version}, as the workflow leaves it. */
  private void activate(String planId, int version) {
    plans.put(ActivePlanFixtures.active(planId, version, now));
  }

  private static ReviewDecision decision(Envelope envelope) {
    return envelope.payloadAs(Payloads.TriggerRaised.class).decision();
  }

  private static InMemoryPlanWatches copy(InMemoryPlanWatches from) {
    InMemoryPlanWatches copy = new InMemoryPlanWatches();
    copy.saveAll(from.saved());
    return copy;
  }
}
