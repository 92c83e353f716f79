package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketReading;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.retrieval.InMemoryMarketDataCache;
import dev.finpilot.retrieval.SnapshotStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningAgentTest {

  private static final PlanningOptions OPTIONS = PlanningOptions.defaults().withPaths(500);

  private final SnapshotStore snapshots = new SnapshotStore(new InMemoryMarketDataCache());

  private PlanningAgent agent(AgentFixture f) {
    return new PlanningAgent(f.context, new Planner(), OPTIONS, snapshots);
  }

  private static AgentFixture fixture() {
    return new AgentFixture(
        FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
  }

  private static Envelope generate(int version, Payloads.GeneratePlan payload) {
    return Envelope.create(
        MessageType.GENERATE_PLAN, "p1", version, "u1", payload, AgentFixture.NOW);
  }

  /** A snapshot of live yields above the history's means, stored as the retrieval agent does. */
  private MarketSnapshot liveSnapshot() {
    FixedMarketData live = new FixedMarketData("6.00", "7.00");
    MarketSnapshot snapshot =
        MarketSnapshot.currentMarket(
            HistoricalReturns.embedded(),
            MarketReading.of(live.treasuryYield(Rate.DGS3MO)),
            MarketReading.of(live.treasuryYield(Rate.DGS10)),
            MarketReading.of(live.consumerPrices()));
    snapshots.put(snapshot, AgentFixture.NOW);
    return snapshot;
  }

  @Test
  void storesTheVersionOnceAndAnswersARedeliveryFromIt() {
    AgentFixture f = fixture();
    PlanningAgent agent = agent(f);
    Envelope command = generate(2, new Payloads.GeneratePlan(1, List.of()));

    agent.handle(command, f.origin);
    PlanVersion stored = f.plans.findVersion("p1", 2).orElseThrow();
    agent.handle(command, f.origin);

    assertThat(f.plans.findVersion("p1", 2).orElseThrow()).isEqualTo(stored);
    assertThat(stored.reasoning().trace().nodes().size()).isGreaterThan(5);
    assertThat(stored.projection()).isNotNull();
    Payloads.PlanGenerated first = f.sent.get(0).payloadAs(Payloads.PlanGenerated.class);
    assertThat(first).isEqualTo(f.sent.get(1).payloadAs(Payloads.PlanGenerated.class));
    assertThat(first.strategy()).isEqualTo(stored.reasoning().strategy().name());
    assertThat(first.successProbability()).isBetween(0.0, 1.0);
    assertThat(f.sent.get(0).planVersion()).isEqualTo(2);
  }

  @Test
  void aLaterRoundReplansAgainstTheFindings() {
    AgentFixture f = fixture();
    agent(f)
        .handle(
            generate(
                2,
                new Payloads.GeneratePlan(
                    2,
                    List.of(
                        new FindingToResolve(
                            "RISK_TOLERANCE_MISMATCH", "ERROR", "equity above the cap")))),
            f.origin);
    assertThat(f.plans.findVersion("p1", 2).orElseThrow().reasoning().round()).isEqualTo(2);
  }

  @Test
  void plansInTheNamedSnapshotAndKeepsItInTheVersion() {
    AgentFixture f = fixture();
    MarketSnapshot snapshot = liveSnapshot();

    agent(f).handle(generate(2, new Payloads.GeneratePlan(1, List.of(), snapshot.id())), f.origin);

    PlanVersion stored = f.plans.findVersion("p1", 2).orElseThrow();
    assertThat(stored.snapshot()).isEqualTo(snapshot);
    assertThat(stored.snapshot().inputs())
        .extracting(MarketInput::provenance)
        .containsOnly(Provenance.LIVE);
    assertThat(stored.projection().model()).endsWith("means of market snapshot " + snapshot.id());
  }

  @Test
  void aStoredVersionReprojectsExactlyFromItsRecordedSnapshot() {
    AgentFixture f = fixture();
    MarketSnapshot snapshot = liveSnapshot();
    agent(f).handle(generate(2, new Payloads.GeneratePlan(1, List.of(), snapshot.id())), f.origin);
    PlanVersion stored =
        Json.read(Json.write(f.plans.findVersion("p1", 2).orElseThrow()), PlanVersion.class);
    PlanningRequest request = f.plans.find("p1").orElseThrow().request();

    PlanningResult again = new Planner().plan(request, OPTIONS.withSnapshot(stored.snapshot()));

    assertThat(again.projection()).isEqualTo(stored.projection());
    assertThat(again.plan()).isEqualTo(stored.plan());
  }

  @Test
  void higherLiveYieldsPlanWithHigherMeansThanHistory() {
    AgentFixture historical = fixture();
    agent(historical)
        .handle(
            generate(2, new Payloads.GeneratePlan(1, List.of(), MarketSnapshot.historical().id())),
            historical.origin);
    AgentFixture current = fixture();
    MarketSnapshot snapshot = liveSnapshot();
    agent(current)
        .handle(
            generate(2, new Payloads.GeneratePlan(1, List.of(), snapshot.id())), current.origin);

    PlanVersion h = historical.plans.findVersion("p1", 2).orElseThrow();
    PlanVersion c = current.plans.findVersion("p1", 2).orElseThrow();
    assertThat(h.snapshot()).isEqualTo(MarketSnapshot.historical());
    assertThat(c.snapshot().assumptions().mean(AssetClass.CASH))
        .isEqualTo(0.06)
        .isGreaterThan(h.snapshot().assumptions().mean(AssetClass.CASH));
    assertThat(c.projection().successProbability())
        .isGreaterThan(h.projection().successProbability());
  }

  @Test
  void aReplanningRoundPlansInThePreviousVersionsSnapshot() {
    AgentFixture f = fixture();
    MarketSnapshot snapshot = liveSnapshot();
    PlanningAgent agent = agent(f);
    agent.handle(generate(2, new Payloads.GeneratePlan(1, List.of(), snapshot.id())), f.origin);

    agent.handle(
        generate(
            3,
            new Payloads.GeneratePlan(
                2,
                List.of(
                    new FindingToResolve(
                        "RISK_TOLERANCE_MISMATCH", "ERROR", "equity above the cap")))),
        f.origin);

    assertThat(f.plans.findVersion("p1", 3).orElseThrow().snapshot()).isEqualTo(snapshot);
  }

  @Test
  void withoutASnapshotIdOrAPreviousVersionTheHistoricalSnapshotIsUsed() {
    AgentFixture f = fixture();
    agent(f).handle(generate(5, new Payloads.GeneratePlan(1, List.of())), f.origin);
    assertThat(f.plans.findVersion("p1", 5).orElseThrow().snapshot())
        .isEqualTo(MarketSnapshot.historical());
  }

  @Test
  void aSnapshotNotYetReadableIsRetriedNotRefused() {
    AgentFixture f = fixture();
    Envelope command = generate(2, new Payloads.GeneratePlan(1, List.of(), "0123456789abcdef"));
    assertThatThrownBy(() -> agent(f).handle(command, f.origin))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0123456789abcdef");
    assertThat(f.plans.findVersion("p1", 2)).isEmpty();
  }

  @Test
  void aRelaxedRoundOnAVersionWithoutRelaxationNumbersHasNothingToPropose() {
    AgentFixture f = fixture();
    // Version 1 was stored without reasoning, as versions before relaxations kept their numbers.
    agent(f)
        .handle(
            generate(2, new Payloads.GeneratePlan(4, List.of(), null, new Payloads.Relaxing(1, 1))),
            f.origin);

    assertThat(f.plans.findVersion("p1", 2)).as("no version is stored").isEmpty();
    Payloads.PlanGenerated answer = f.lastSent().payloadAs(Payloads.PlanGenerated.class);
    assertThat(answer.planned()).isFalse();
    assertThat(answer.successProbability()).isEqualTo(0.9);
    assertThat(answer.proposal()).isNull();
  }

  @Test
  void aRelaxedRoundOnAMissingVersionIsPoison() {
    AgentFixture f = fixture();
    Envelope command =
        generate(3, new Payloads.GeneratePlan(4, List.of(), null, new Payloads.Relaxing(2, 1)));
    assertThatThrownBy(() -> agent(f).handle(command, f.origin))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("has no version 2");
  }
}
