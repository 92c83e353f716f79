package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketReading;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.retrieval.SnapshotStore;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A plan made on current markets, through the template's market-data and plans tables: the snapshot
 * the retrieval agent stores is the one planning reads, the version keeps it, and the version read
 * back re-projects exactly.
 */
@WithAwsBackend
class MarketSnapshotIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static final PlanningOptions OPTIONS = PlanningOptions.defaults().withPaths(300);

  private final DynamoPlanRepository plans;
  private final SnapshotStore snapshots;

  MarketSnapshotIT(Environment env) {
    this.plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
    this.snapshots =
        new SnapshotStore(
            new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable")));
  }

  private static Series yieldOf(Rate rate, String percent) {
    return new Series(
        rate.name(),
        Series.Unit.PERCENT,
        List.of(Observation.of("2026-01-02", percent)),
        "alpha-vantage",
        NOW.minusSeconds(600),
        Provenance.LIVE);
  }

  @Test
  void aCurrentMarketVersionKeepsItsSnapshotAndReprojectsExactly() {
    MarketSnapshot snapshot =
        MarketSnapshot.currentMarket(
            HistoricalReturns.embedded(),
            MarketReading.of(yieldOf(Rate.DGS3MO, "4.35")),
            MarketReading.of(yieldOf(Rate.DGS10, "4.60")),
            MarketReading.unavailable("the CPI provider's daily limit is spent"));
    snapshots.put(snapshot, NOW);
    assertThat(snapshots.find(snapshot.id(), NOW)).contains(snapshot);

    PlanningRequest base = FinancialStateFixtures.request();
    PlanningRequest request =
        new PlanningRequest(
            base.state(),
            base.goals(),
            base.taxYear(),
            base.asOf(),
            AssumptionBasis.CURRENT_MARKET);
    String planId = UUID.randomUUID().toString();
    plans.create(PlanRecord.received(planId, "u1", request, "corr-1", NOW));
    List<Envelope> sent = new ArrayList<>();
    CommandContext context =
        new CommandContext(plans, (e, o) -> sent.add(e), Clock.fixed(NOW, ZoneOffset.UTC));
    new PlanningAgent(context, new Planner(), OPTIONS, snapshots)
        .handle(
            Envelope.create(
                MessageType.GENERATE_PLAN,
                planId,
                1,
                "u1",
                new Payloads.GeneratePlan(1, List.of(), snapshot.id()),
                NOW),
            new MessageOrigin("corr-1", "cause-1"));

    PlanVersion stored = plans.findVersion(planId, 1).orElseThrow();
    assertThat(stored.snapshot()).isEqualTo(snapshot);
    assertThat(stored.snapshot().inputs())
        .extracting(MarketInput::provenance)
        .containsExactly(Provenance.LIVE, Provenance.LIVE, Provenance.EMBEDDED);
    assertThat(sent).extracting(Envelope::type).containsExactly(MessageType.PLAN_GENERATED);

    PlanningResult again = new Planner().plan(request, OPTIONS.withSnapshot(stored.snapshot()));
    assertThat(again.projection()).isEqualTo(stored.projection());
  }
}
