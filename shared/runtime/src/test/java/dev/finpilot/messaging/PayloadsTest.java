package dev.finpilot.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.MarketSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payloads sent before market snapshots (or relaxed versions) existed still read, meaning what they
 * meant then.
 */
class PayloadsTest {

  @Test
  void marketDataRetrievedWithoutASnapshotIdMeansTheHistoricalSnapshot() {
    Payloads.MarketDataRetrieved old =
        Json.read(
            "{\"source\":\"embedded\",\"edition\":\"damodaran-2026-01\"}",
            Payloads.MarketDataRetrieved.class);
    assertThat(old.snapshotId()).isEqualTo(MarketSnapshot.historical().id());
    assertThat(old.source()).isEqualTo("embedded");
  }

  @Test
  void generatePlanWithoutASnapshotIdPlansInThePreviousVersionsMarket() {
    Payloads.GeneratePlan old =
        Json.read("{\"round\":2,\"findingsToResolve\":[]}", Payloads.GeneratePlan.class);
    assertThat(old.snapshotId()).isNull();
    assertThat(old.round()).isEqualTo(2);
    assertThat(old.relaxing()).as("sent before relaxed versions: an ordinary round").isNull();
    Payloads.GeneratePlan current = new Payloads.GeneratePlan(1, null, "abc");
    assertThat(Json.read(Json.write(current), Payloads.GeneratePlan.class)).isEqualTo(current);
    Payloads.GeneratePlan relaxed =
        new Payloads.GeneratePlan(4, List.of(), null, new Payloads.Relaxing(3, 1));
    assertThat(Json.read(Json.write(relaxed), Payloads.GeneratePlan.class)).isEqualTo(relaxed);
  }

  @Test
  void planGeneratedWithoutAProposalIsAnOrdinaryVersion() {
    Payloads.PlanGenerated old =
        Json.read(
            "{\"strategy\":\"BALANCED\",\"successProbability\":0.41,\"relaxations\":[\"x\"]}",
            Payloads.PlanGenerated.class);
    assertThat(old.planned()).isTrue();
    assertThat(old.proposal()).isNull();
    assertThat(old.relaxations()).containsExactly("x");
    Payloads.PlanGenerated proposed =
        new Payloads.PlanGenerated("BALANCED", 0.72, List.of(), "moves 'Retire' 3 years later");
    assertThat(Json.read(Json.write(proposed), Payloads.PlanGenerated.class)).isEqualTo(proposed);
  }
}
