package dev.finpilot.agents;

import dev.finpilot.market.CapitalMarketAssumptions;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.retrieval.AssumptionsDocument;
import dev.finpilot.retrieval.MarketDataCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves the capital-market assumptions a plan is projected with. They are fitted from the embedded
 * historical data set (the offline default) and cached for a day, the lifetime the brief gives
 * history-derived data; live quote providers plug in beside this later.
 */
public final class RetrievalAgent {

  /** The cache key of the assumptions fitted from the embedded data set's edition. */
  public static final String ASSUMPTIONS_KEY = "assumptions#" + HistoricalReturns.EDITION;

  static final Duration ASSUMPTIONS_LIFETIME = Duration.ofDays(1);

  private final CommandContext context;
  private final MarketDataCache cache;

  public RetrievalAgent(CommandContext context, MarketDataCache cache) {
    this.context = context;
    this.cache = cache;
  }

  public void handle(Envelope command, MessageOrigin origin) {
    context.planFor(command, MessageType.RETRIEVE_MARKET_DATA);
    Instant now = context.clock().instant();
    Optional<String> cached = cache.get(ASSUMPTIONS_KEY, now);
    String source = "cache";
    if (cached.isEmpty()) {
      HistoricalReturns data = HistoricalReturns.embedded();
      AssumptionsDocument document =
          AssumptionsDocument.of(CapitalMarketAssumptions.fitted(data), data.edition());
      cache.put(ASSUMPTIONS_KEY, Json.write(document), now.plus(ASSUMPTIONS_LIFETIME));
      source = "embedded";
    }
    context.reply(
        command,
        MessageType.MARKET_DATA_RETRIEVED,
        new Payloads.MarketDataRetrieved(source, HistoricalReturns.EDITION),
        origin);
  }
}
