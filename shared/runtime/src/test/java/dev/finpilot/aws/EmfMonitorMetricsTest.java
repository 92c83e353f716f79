package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.agents.MonitorRun;
import dev.finpilot.aws.EmfMarketDataMetricsTest.Document;
import dev.finpilot.aws.EmfMarketDataMetricsTest.Documents;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMonitorMetricsTest {

  final Documents documents = new Documents();
  final EmfMonitorMetrics metrics = new EmfMonitorMetrics(documents);

  @Test
  void eachRunIsOneDocumentOfThePlansItScannedAndTheTriggersItRaised() {
    metrics.runFinished(
        new MonitorRun("2026-03-02T14:15:00Z", LocalDate.of(2026, 2, 27), 7, 3, 2, null));

    assertThat(documents.flushed)
        .containsExactly(
            new Document(
                Map.of(),
                Map.of(
                    "MonitorPlansScanned", 10.0,
                    "MonitorTriggersRaised", 2.0,
                    "MonitorRunsWithoutData", 0.0)));
  }

  @Test
  void aRunWithoutMarketDataIsCountedWithZeros() {
    metrics.runFinished(
        new MonitorRun("2026-03-02T14:15:00Z", null, 0, 0, 0, "MARKET_DATA_SOURCES is empty"));

    assertThat(documents.flushed)
        .containsExactly(
            new Document(
                Map.of(),
                Map.of(
                    "MonitorPlansScanned", 0.0,
                    "MonitorTriggersRaised", 0.0,
                    "MonitorRunsWithoutData", 1.0)));
  }
}
