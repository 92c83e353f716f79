package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.Markets.CLOCK;
import static dev.finpilot.monitoring.Markets.START;
import static dev.finpilot.monitoring.Markets.daily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrawdownDetectorTest {

  private final DrawdownDetector detector = new DrawdownDetector(CLOCK);
  private final PlanBaseline baseline =
      new PlanBaseline("plan-1", "SPX", START, new BigDecimal("4000"));

  private Optional<MarketEvent> detect(String latest) {
    return detector.detect(baseline, daily("SPX", "4000", "4100", latest));
  }

  @ParameterizedTest(name = "close {0} -> {1}")
  @CsvSource({
    "3600.21, NONE",
    "3600.00, MEDIUM",
    "3200.21, MEDIUM",
    "3200.00, HIGH",
    "2800.21, HIGH",
    "2800.00, CRITICAL",
    "1000.00, CRITICAL",
    "4600.00, NONE"
  })
  void declinesAreBandedAtTenTwentyAndThirtyPercent(String latest, String expected) {
    Optional<TriggerSeverity> severity = detect(latest).map(MarketEvent::severity);
    if (expected.equals("NONE")) {
      assertThat(severity).isEmpty();
    } else {
      assertThat(severity).contains(TriggerSeverity.valueOf(expected));
    }
  }

  @Test
  void aDeclineIsBandedAsItIsShownToAHundredthOfAPercent() {
    // 19.995% shows as 20.00% (half-even to 4 places) and is banded as a bear market.
    assertThat(detect("3200.20").map(MarketEvent::severity)).contains(TriggerSeverity.HIGH);
    assertThat(detect("3200.21").map(MarketEvent::severity)).contains(TriggerSeverity.MEDIUM);
  }

  @Test
  void theEventCarriesItsEvidenceAndDeadline() {
    MarketEvent event = detect("3000").orElseThrow();

    assertThat(event.type()).isEqualTo(MarketEventType.DRAWDOWN);
    assertThat(event.series()).isEqualTo("SPX");
    assertThat(event.asOf()).isEqualTo(START.plusDays(2));
    assertThat(event.detectedAt()).isEqualTo(Markets.NOW);
    assertThat(event.actWithin()).isEqualTo(Duration.ofDays(1));
    assertThat(event.summary())
        .isEqualTo("SPX is 25.00% below the plan's baseline of 4000 on 2024-01-02: a bear market");
    assertThat(event.evidence())
        .contains(
            new TriggerEvidence("declineFromBaseline", "25.00%"),
            new TriggerEvidence("peakSinceBaseline", "4100"),
            new TriggerEvidence("declineFromPeak", "26.83%"),
            new TriggerEvidence("bandLowerBound", "20.00%"));
  }

  @Test
  void upstreamCrashFixtureIsBandedByDepth() {
    // S&P -20%, Nasdaq -25%, Dow -18% (the prototype's "market_crash" scenario).
    assertThat(severityOf("SPX", "100", "80")).contains(TriggerSeverity.HIGH);
    assertThat(severityOf("NDX", "100", "75")).contains(TriggerSeverity.HIGH);
    assertThat(severityOf("DJI", "100", "82")).contains(TriggerSeverity.MEDIUM);
  }

  @Test
  void upstreamRecoveryFixtureRaisesNothing() {
    assertThat(severityOf("SPX", "100", "115")).isEmpty();
  }

  private Optional<TriggerSeverity> severityOf(String name, String base, String latest) {
    return detector
        .detect(new PlanBaseline("p", name, START, new BigDecimal(base)), daily(name, base, latest))
        .map(MarketEvent::severity);
  }

  @Test
  void onlyClosesFromTheBaselineDateOnCountForThePeak() {
    MarketEvent event =
        detector
            .detect(
                new PlanBaseline("p", "SPX", START.plusDays(1), new BigDecimal("4000")),
                daily("SPX", "9000", "4000", "3500"))
            .orElseThrow();
    assertThat(event.evidence()).contains(new TriggerEvidence("peakSinceBaseline", "4000"));
  }

  @Test
  void theSeriesMustBeThePlansAndReachTheBaseline() {
    assertThatThrownBy(() -> detector.detect(baseline, daily("NDX", "1", "2")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.name: must be the plan's reference series SPX, was NDX");
    PlanBaseline future = new PlanBaseline("p", "SPX", START.plusDays(30), BigDecimal.TEN);
    assertThatThrownBy(() -> detector.detect(future, daily("SPX", "1", "2")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.points: must reach the baseline date");
  }

  @Test
  void baselinesAreValidated() {
    assertThatThrownBy(() -> new PlanBaseline(" ", null, null, BigDecimal.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("baseline.planId")
        .hasMessageContaining("baseline.series")
        .hasMessageContaining("baseline.date")
        .hasMessageContaining("baseline.value: must be positive");
  }
}
