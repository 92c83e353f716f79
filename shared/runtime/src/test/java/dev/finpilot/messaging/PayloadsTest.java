package dev.finpilot.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.MarketSnapshot;
import org.junit.jupiter.api.Test;

/** Payloads sent before market snapshots existed still read, meaning what they meant then. */
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
    Payloads.GeneratePlan current = new Payloads.GeneratePlan(1, null, "abc");
    assertThat(Json.read(Json.write(current), Payloads.GeneratePlan.class)).isEqualTo(current);
  }
}
