package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.market.MarketInput;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Provenance;
import dev.finpilot.retrieval.providers.ProviderStubServer;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plans on current-market assumptions while Yahoo Finance, the retrieval function's only source, is
 * down: the provider's circuit opens, and every plan is still made, on the embedded data, with its
 * snapshot saying why.
 */
@ExtendWith(StubbedYahooFinance.class)
@WithAwsBackend
class YahooDownPlansIT {

  private static RunningStack stack;
  private static SubmittedPlans submitted;

  @BeforeAll
  static void start(Environment env, ProviderStubServer stub) {
    stub.yahoo("^IRX", Answer.status(503));
    stub.yahoo("^TNX", Answer.timeout());
    stack = new RunningStack(env, 2);
    submitted = new SubmittedPlans(stack);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void theBreakerOpensAndEveryPlanIsMadeOnTheEmbeddedDataSayingWhy(ProviderStubServer stub) {
    List<SubmittedPlans.Active> made = new ArrayList<>();
    // Each plan fails two requests, one per yield: the third plan's first is the breaker's fifth
    // failure, which opens it for a minute, longer than the next two plans take.
    for (int i = 1; i <= 3; i++) {
      made.add(submitted.activate("before-" + i, RunningStack.sampleRequest()));
    }
    int callsWhileClosed = stub.calls();
    System.out.printf(
        "Yahoo Finance stub: %d requests until the breaker opened%n", callsWhileClosed);
    assertThat(stub.yahooCalls("^IRX")).isPositive();
    assertThat(stub.yahooCalls("^TNX")).isPositive();

    for (int i = 1; i <= 2; i++) {
      made.add(submitted.activate("after-" + i, RunningStack.sampleRequest()));
    }

    assertThat(stub.calls()).as("requests once the breaker is open").isEqualTo(callsWhileClosed);
    assertThat(made.get(0).version().snapshot().inputs().get(2).note())
        .isEqualTo(
            "no source could provide the consumer price index: yahoo-finance does not offer this");
    for (SubmittedPlans.Active plan : made) {
      MarketSnapshot snapshot = plan.version().snapshot();
      assertThat(snapshot.basis()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
      assertThat(snapshot.assumptions()).isEqualTo(MarketSnapshot.historical().assumptions());
      assertThat(snapshot.inputs())
          .extracting(MarketInput::name, MarketInput::provenance, MarketInput::source)
          .containsExactly(
              tuple("DGS3MO", Provenance.EMBEDDED, "embedded"),
              tuple("DGS10", Provenance.EMBEDDED, "embedded"),
              tuple("CPI", Provenance.EMBEDDED, "embedded"));
      assertThat(snapshot.inputs().get(0).note())
          .isEqualTo("no source could provide the DGS3MO yield: yahoo-finance did not answer");
      assertThat(snapshot.inputs().get(1).note())
          .isEqualTo("no source could provide the DGS10 yield: yahoo-finance did not answer");
      // Once the circuit is open Yahoo is not asked even for what it never offers.
      assertThat(snapshot.inputs().get(2).note())
          .startsWith("no source could provide the consumer price index: yahoo-finance ");
      assertThat(plan.view().path("snapshot").path("inputs").path(0).path("provenance").asText())
          .isEqualTo("EMBEDDED");
    }
  }
}
