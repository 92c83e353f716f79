package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.market.CapitalMarketAssumptions;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.retrieval.AssumptionsDocument;
import dev.finpilot.retrieval.MarketDataCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalAgentTest {

  /** Expiry semantics of the real cache: an entry past its instant is gone. */
  private static final class MapCache implements MarketDataCache {
    final Map<String, String> documents = new HashMap<>();
    final Map<String, Instant> expiries = new HashMap<>();

    @Override
    public Optional<String> get(String key, Instant now) {
      return expiries.containsKey(key) && expiries.get(key).isAfter(now)
          ? Optional.of(documents.get(key))
          : Optional.empty();
    }

    @Override
    public void put(String key, String document, Instant expiresAt) {
      documents.put(key, document);
      expiries.put(key, expiresAt);
    }
  }

  @Test
  void fitsOnceThenServesFromTheCacheUntilItExpires() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
    MapCache cache = new MapCache();
    RetrievalAgent agent = new RetrievalAgent(f.context, cache);
    var command =
        f.command(MessageType.RETRIEVE_MARKET_DATA, "u1", new Payloads.RetrieveMarketData());

    agent.handle(command, f.origin);
    agent.handle(command, f.origin);

    assertThat(f.sent)
        .extracting(e -> e.payloadAs(Payloads.MarketDataRetrieved.class).source())
        .containsExactly("embedded", "cache");
    assertThat(cache.expiries.get(RetrievalAgent.ASSUMPTIONS_KEY))
        .isEqualTo(AgentFixture.NOW.plus(RetrievalAgent.ASSUMPTIONS_LIFETIME));
    assertThat(f.sent.get(0).payloadAs(Payloads.MarketDataRetrieved.class).edition())
        .isEqualTo(HistoricalReturns.EDITION);
  }

  @Test
  void theCachedDocumentRebuildsTheFittedModel() {
    CapitalMarketAssumptions fitted = CapitalMarketAssumptions.fitted(HistoricalReturns.embedded());
    String json = Json.write(AssumptionsDocument.of(fitted, HistoricalReturns.EDITION));
    CapitalMarketAssumptions rebuilt = Json.read(json, AssumptionsDocument.class).toAssumptions();
    for (AssetClass a : List.of(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND)) {
      assertThat(rebuilt.arithmeticMean(a)).isCloseTo(fitted.arithmeticMean(a), within(1e-9));
      assertThat(rebuilt.volatility(a)).isCloseTo(fitted.volatility(a), within(1e-9));
    }
    assertThat(rebuilt.correlation(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND))
        .isCloseTo(
            fitted.correlation(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND), within(1e-9));
    assertThat(rebuilt.inflationMean()).isCloseTo(fitted.inflationMean(), within(1e-9));
  }
}
