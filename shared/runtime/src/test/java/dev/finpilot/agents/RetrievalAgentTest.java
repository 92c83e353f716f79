package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Provenance;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.retrieval.InMemoryMarketDataCache;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.OfflineMarketData;
import dev.finpilot.retrieval.SnapshotStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalAgentTest {

  private final InMemoryMarketDataCache cache = new InMemoryMarketDataCache();
  private final SnapshotStore snapshots = new SnapshotStore(cache);

  static PlanningRequest onCurrentMarkets() {
    PlanningRequest r = FinancialStateFixtures.request();
    return new PlanningRequest(
        r.state(), r.goals(), r.taxYear(), r.asOf(), AssumptionBasis.CURRENT_MARKET);
  }

  private Payloads.MarketDataRetrieved retrieve(PlanningRequest request, MarketData marketData) {
    AgentFixture f = new AgentFixture(request, AgentFixture.plan(List.of(), "0.6", 0.9));
    new RetrievalAgent(f.context, snapshots, marketData)
        .handle(
            f.command(MessageType.RETRIEVE_MARKET_DATA, "u1", new Payloads.RetrieveMarketData()),
            f.origin);
    assertThat(f.lastSent().type()).isEqualTo(MessageType.MARKET_DATA_RETRIEVED);
    return f.lastSent().payloadAs(Payloads.MarketDataRetrieved.class);
  }

  private MarketSnapshot stored(String id) {
    return snapshots.find(id, AgentFixture.NOW).orElseThrow();
  }

  @Test
  void aHistoricalRequestGetsTheHistoricalSnapshotWithoutAskingAnyProvider() {
    Payloads.MarketDataRetrieved retrieved =
        retrieve(FinancialStateFixtures.request(), new FixedMarketData("9.00", "9.00"));

    assertThat(retrieved.snapshotId()).isEqualTo(MarketSnapshot.historical().id());
    assertThat(retrieved.source()).isEqualTo("embedded");
    assertThat(retrieved.edition()).isEqualTo(HistoricalReturns.EDITION);
    assertThat(cache.holds(SnapshotStore.KEY_PREFIX + retrieved.snapshotId())).isTrue();
  }

  @Test
  void aCurrentMarketRequestStoresASnapshotOfTheLiveReadingsForThirtyDays() {
    Payloads.MarketDataRetrieved retrieved =
        retrieve(onCurrentMarkets(), new FixedMarketData("4.25", "4.10"));

    MarketSnapshot snapshot = stored(retrieved.snapshotId());
    assertThat(snapshot.basis()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
    assertThat(snapshot.inputs()).extracting(MarketInput::provenance).containsOnly(Provenance.LIVE);
    assertThat(snapshot.assumptions().mean(AssetClass.CASH)).isEqualTo(0.0425);
    assertThat(retrieved.source()).isEqualTo("alpha-vantage");
    assertThat(
            snapshots.find(
                retrieved.snapshotId(), AgentFixture.NOW.plus(Duration.ofDays(30)).minusSeconds(1)))
        .isPresent();
    assertThat(snapshots.find(retrieved.snapshotId(), AgentFixture.NOW.plus(Duration.ofDays(30))))
        .isEmpty();
  }

  @Test
  void offlineACurrentMarketRequestKeepsTheHistoricalMeansAndSaysWhy() {
    Payloads.MarketDataRetrieved retrieved = retrieve(onCurrentMarkets(), new OfflineMarketData());

    MarketSnapshot snapshot = stored(retrieved.snapshotId());
    assertThat(snapshot.assumptions()).isEqualTo(MarketSnapshot.historical().assumptions());
    assertThat(snapshot.inputs())
        .allSatisfy(
            i -> {
              assertThat(i.provenance()).isEqualTo(Provenance.EMBEDDED);
              assertThat(i.note()).contains("MARKET_DATA_SOURCES is empty");
            });
    assertThat(retrieved.source()).isEqualTo("embedded");
  }
}
