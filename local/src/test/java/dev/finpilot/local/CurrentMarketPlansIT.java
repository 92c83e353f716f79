package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.retrieval.providers.ProviderFixtures;
import dev.finpilot.retrieval.providers.ProviderStubServer;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import dev.finpilot.retrieval.providers.YahooFinanceProvider;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plans through the whole stack with Yahoo Finance (a stub answering in its chart format) as the
 * retrieval function's source: current-market plans are made on today's yields, first live and then
 * from the cache; historical plans on the embedded history; and each version re-projects exactly
 * from the snapshot it recorded.
 */
@ExtendWith(StubbedYahooFinance.class)
@WithAwsBackend
class CurrentMarketPlansIT {

  private static final BigDecimal BILL_YIELD = new BigDecimal("4.20");
  private static final BigDecimal NOTE_YIELD = new BigDecimal("4.40");

  private static RunningStack stack;
  private static SubmittedPlans submitted;

  @BeforeAll
  static void start(Environment env, ProviderStubServer stub) {
    stub.yahoo("^IRX", Answer.ok(ProviderFixtures.yahooChart("^IRX", closes("4.12", BILL_YIELD))));
    stub.yahoo("^TNX", Answer.ok(ProviderFixtures.yahooChart("^TNX", closes("4.51", NOTE_YIELD))));
    stack = new RunningStack(env, 2);
    submitted = new SubmittedPlans(stack);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<Observation> closes(String before, BigDecimal latest) {
    return List.of(
        Observation.of("2026-02-27", before), new Observation(LocalDate.of(2026, 3, 2), latest));
  }

  @Test
  void currentMarketPlansAreMadeOnTodaysYieldsLiveThenCachedAndReprojectExactly(
      ProviderStubServer stub) {
    SubmittedPlans.Active first = submitted.activate("alice", RunningStack.sampleRequest());
    SubmittedPlans.Active second = submitted.activate("bob", RunningStack.sampleRequest());

    assertOnTodaysYields(first.version().snapshot(), Provenance.LIVE);
    assertOnTodaysYields(second.version().snapshot(), Provenance.CACHED);
    assertThat(stub.yahooCalls("^IRX")).isEqualTo(1);
    assertThat(stub.yahooCalls("^TNX")).isEqualTo(1);
    assertThat(first.view().path("snapshot").path("inputs").path(0).path("source").asText())
        .isEqualTo(YahooFinanceProvider.NAME);
    assertThat(submitted.reproject(first)).isEqualTo(first.version().projection());
    assertThat(submitted.reproject(second)).isEqualTo(second.version().projection());
  }

  @Test
  void aHistoricalPlanIsMadeOnTheEmbeddedHistoryAndReprojectsExactly() {
    ObjectNode request = RunningStack.sampleRequest();
    request.put("assumptions", AssumptionBasis.HISTORICAL.toString());

    SubmittedPlans.Active plan = submitted.activate("carol", request);

    assertThat(plan.version().snapshot()).isEqualTo(MarketSnapshot.historical());
    assertThat(submitted.reproject(plan)).isEqualTo(plan.version().projection());
  }

  private static void assertOnTodaysYields(MarketSnapshot snapshot, Provenance provenance) {
    assertThat(snapshot.basis()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
    assertThat(snapshot.inputs())
        .extracting(MarketInput::name, MarketInput::source, MarketInput::provenance)
        .containsExactly(
            tuple("DGS3MO", YahooFinanceProvider.NAME, provenance),
            tuple("DGS10", YahooFinanceProvider.NAME, provenance),
            tuple("CPI", MarketInput.EMBEDDED_SOURCE, Provenance.EMBEDDED));
    assertThat(snapshot.inputs().get(0).value()).isEqualByComparingTo(BILL_YIELD);
    assertThat(snapshot.inputs().get(1).value()).isEqualByComparingTo(NOTE_YIELD);
    assertThat(snapshot.inputs().get(2).note()).contains("yahoo-finance does not offer this");
    assertThat(snapshot.assumptions().assets().get(AssetClass.CASH).arithmeticMean())
        .isEqualTo(BILL_YIELD.movePointLeft(2).doubleValue());
    assertThat(snapshot.assumptions().assets().get(AssetClass.TREASURY_BOND).arithmeticMean())
        .isEqualTo(NOTE_YIELD.movePointLeft(2).doubleValue());
  }
}
