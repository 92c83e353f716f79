package dev.finpilot.agents;

import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketReading;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.SnapshotStore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the market snapshot a plan is made in, on the basis its request asks for: the embedded
 * history, or current Treasury yields and consumer prices read through {@link MarketData} (each
 * that cannot be read stays historical and the snapshot says why). The snapshot is stored for the
 * planning agent and its id sent back to the workflow.
 */
public final class RetrievalAgent {

  private final CommandContext context;
  private final SnapshotStore snapshots;
  private final MarketData marketData;

  public RetrievalAgent(CommandContext context, SnapshotStore snapshots, MarketData marketData) {
    this.context = context;
    this.snapshots = snapshots;
    this.marketData = marketData;
  }

  public void handle(Envelope command, MessageOrigin origin) {
    PlanRecord plan = context.planFor(command, MessageType.RETRIEVE_MARKET_DATA);
    MarketSnapshot snapshot =
        plan.request().assumptions() == AssumptionBasis.CURRENT_MARKET
            ? currentMarket()
            : MarketSnapshot.historical();
    snapshots.put(snapshot, context.clock().instant());
    context.reply(
        command,
        MessageType.MARKET_DATA_RETRIEVED,
        new Payloads.MarketDataRetrieved(sources(snapshot), snapshot.edition(), snapshot.id()),
        origin);
  }

  private MarketSnapshot currentMarket() {
    return MarketSnapshot.currentMarket(
        HistoricalReturns.embedded(),
        read(() -> marketData.treasuryYield(Rate.DGS3MO)),
        read(() -> marketData.treasuryYield(Rate.DGS10)),
        read(marketData::consumerPrices));
  }

  private static MarketReading read(Supplier<Series> series) {
    try {
      return MarketReading.of(series.get());
    } catch (MarketDataUnavailableException e) {
      return MarketReading.unavailable(e.getMessage());
    }
  }

  /** The providers whose readings the snapshot uses, or {@code embedded} when none. */
  private static String sources(MarketSnapshot snapshot) {
    String providers =
        snapshot.inputs().stream()
            .filter(i -> i.provenance() != Provenance.EMBEDDED)
            .map(MarketInput::source)
            .distinct()
            .collect(Collectors.joining(","));
    return providers.isEmpty() ? MarketInput.EMBEDDED_SOURCE : providers;
  }
}
