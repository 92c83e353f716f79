package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.Markets.CLOCK;
import static dev.finpilot.monitoring.Markets.alternating;
import static dev.finpilot.monitoring.Markets.dailyFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.ValidationException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatilityDetectorTest {

  private final VolatilityDetector detector = new VolatilityDetector(CLOCK);

  /** 231 calm returns then a 21-day window, so the 252-day long run covers both. */
  private static MarketSeries series(double calmAnnual, double recentAnnual) {
    return alternating("SPX", dailyFor(calmAnnual), 231, dailyFor(recentAnnual), 21);
  }

  /** The calm volatility that makes the long run exactly {@code longRun} for a given window. */
  private static double calmFor(double recentAnnual, double longRunAnnual) {
    return Math.sqrt(
        (252 * longRunAnnual * longRunAnnual - 21 * recentAnnual * recentAnnual) / 231);
  }

  private Optional<TriggerSeverity> severity(double calmAnnual, double recentAnnual) {
    return detector.detect(series(calmAnnual, recentAnnual)).map(MarketEvent::severity);
  }

  @Test
  void realisedVolatilityIsTheZeroMeanRootMeanSquareTimesRootTwoFiftyTwo() {
    MarketSeries s = alternating("X", 0.01, 21, 0.01, 0);
    assertThat(VolatilityDetector.annualised(s.points())).isEqualByComparingTo("0.1587");
  }

  @ParameterizedTest(name = "recent {1} over calm {0} -> {2}")
  @CsvSource({
    "0.15, 0.1999, NONE",
    "0.15, 0.2000, LOW",
    "0.15, 0.2999, LOW",
    "0.15, 0.3000, MEDIUM",
    "0.25, 0.3999, MEDIUM",
    "0.25, 0.4000, HIGH",
    "0.15, 0.8000, CRITICAL"
  })
  void regimesStartAtTwentyThirtyAndFortyPercent(double calm, double recent, String expected) {
    Optional<TriggerSeverity> s = severity(calm, recent);
    if (expected.equals("NONE")) {
      assertThat(s).isEmpty();
    } else {
      assertThat(s).contains(TriggerSeverity.valueOf(expected));
    }
  }

  @Test
  void aSpikeOfTwiceTheLongRunRaisesTheSeverityOneStep() {
    MarketEvent atTwice = detector.detect(series(calmFor(0.30, 0.15), 0.30)).orElseThrow();
    assertThat(atTwice.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(atTwice.evidence())
        .contains(
            new TriggerEvidence("ratio", "2.00"),
            new TriggerEvidence("regime", "MEDIUM"),
            new TriggerEvidence("spike", "true"));

    MarketEvent justUnder = detector.detect(series(calmFor(0.30, 0.1508), 0.30)).orElseThrow();
    assertThat(justUnder.severity()).isEqualTo(TriggerSeverity.MEDIUM);
    assertThat(justUnder.evidence()).contains(new TriggerEvidence("ratio", "1.99"));
  }

  @Test
  void aCalmMarketThatWasCalmerStillRaisesNothing() {
    assertThat(severity(0.05, 0.15)).isEmpty();
  }

  @Test
  void upstreamVolatilitySpikeFixtureIsHigh() {
    // The prototype's "volatility_spike" scenario: volatility 0.35 after a calm year.
    MarketEvent event = detector.detect(series(0.12, 0.35)).orElseThrow();
    assertThat(event.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(event.type()).isEqualTo(MarketEventType.VOLATILITY_REGIME);
    assertThat(event.summary())
        .isEqualTo(
            "SPX realised volatility over 21 days is 35.00% a year against 15.30% over 252 days:"
                + " a spike");
  }

  @Test
  void needsAYearOfClosesAndPositiveValues() {
    MarketSeries short_ = alternating("SPX", 0.01, 230, 0.01, 21);
    assertThatThrownBy(() -> detector.detect(short_))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "needs at least 253 daily closes for a 252-day long-run volatility, has 252");

    MarketSeries withZero = Markets.daily("X", "1", "0", "1");
    VolatilityDetector small =
        new VolatilityDetector(
            CLOCK, VolatilityDetector.DEFAULT_BANDS, 2, 2, VolatilityDetector.DEFAULT_SPIKE_RATIO);
    assertThatThrownBy(() -> small.detect(withZero))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.points[1].value: must be positive");
  }

  @Test
  void windowsMustBeSensible() {
    assertThatThrownBy(
            () ->
                new VolatilityDetector(
                    CLOCK, VolatilityDetector.DEFAULT_BANDS, 1, 10, BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new VolatilityDetector(
                    CLOCK, VolatilityDetector.DEFAULT_BANDS, 30, 10, BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
