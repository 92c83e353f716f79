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
import dev.finpilot.retrieval.InMemoryMarketDataCache;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalAgentTest {

  @Test
  void fitsOnceThenServesFromTheCacheUntilItExpires() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
    InMemoryMarketDataCache cache = new InMemoryMarketDataCache();
    RetrievalAgent agent = new RetrievalAgent(f.context, cache);
    var command =
        f.command(MessageType.RETRIEVE_MARKET_DATA, "u1", new Payloads.RetrieveMarketData());

    agent.handle(command, f.origin);
    agent.handle(command, f.origin);

    assertThat(f.sent)
        .extracting(e -> e.payloadAs(Payloads.MarketDataRetrieved.class).source())
        .containsExactly("embedded", "cache");
    assertThat(cache.entry(RetrievalAgent.ASSUMPTIONS_KEY).orElseThrow().expiresAt())
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
