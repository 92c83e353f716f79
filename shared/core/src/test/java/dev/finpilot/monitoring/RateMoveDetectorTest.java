package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.Markets.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.ValidationException;
import dev.finpilot.market.Observation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateMoveDetectorTest {

  private final RateMoveDetector detector = new RateMoveDetector(CLOCK);

  private static MarketSeries move(String from, String to) {
    return new MarketSeries(
        "DGS10",
        List.of(
            Observation.of("2025-01-06", from),
            Observation.of("2025-02-03", "4.40"),
            Observation.of("2025-04-07", to)));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "4.00, 4.2499, NONE",
    "4.00, 4.25, LOW",
    "4.00, 4.4999, LOW",
    "4.00, 4.50, MEDIUM",
    "4.00, 4.9999, MEDIUM",
    "4.00, 5.00, HIGH",
    "4.00, 5.9999, HIGH",
    "4.00, 6.00, CRITICAL",
    "4.00, 3.75, LOW",
    "4.00, 2.00, CRITICAL"
  })
  void movesAreBandedByBasisPointsEitherWay(String from, String to, String expected) {
    Optional<TriggerSeverity> s = detector.detect(move(from, to)).map(MarketEvent::severity);
    if (expected.equals("NONE")) {
      assertThat(s).isEmpty();
    } else {
      assertThat(s).contains(TriggerSeverity.valueOf(expected));
    }
  }

  @Test
  void upstreamRateHikeFixtureIsMedium() {
    // The prototype's "interest_rate_hike" scenario: +0.75% to a new rate of 5.25%.
    MarketEvent event = detector.detect(move("4.50", "5.25")).orElseThrow();
    assertThat(event.severity()).isEqualTo(TriggerSeverity.MEDIUM);
    assertThat(event.summary())
        .isEqualTo("DGS10 rose 75 bps in 90 days (4.50% on 2025-01-06 to 5.25% on 2025-04-07)");
    assertThat(event.evidence())
        .contains(new TriggerEvidence("changeBps", "75"), new TriggerEvidence("direction", "UP"));
  }

  @Test
  void aFallIsReportedAsSuch() {
    MarketEvent event = detector.detect(move("4.00", "2.90")).orElseThrow();
    assertThat(event.evidence())
        .contains(
            new TriggerEvidence("changeBps", "-110"), new TriggerEvidence("direction", "DOWN"));
    assertThat(event.summary()).startsWith("DGS10 fell 110 bps");
  }

  @Test
  void theWindowStartsAtTheLastCloseOnOrBeforeNinetyDaysBack() {
    // Latest 2025-04-07, so the window starts 2025-01-07; the close of 2025-01-07 itself counts.
    MarketSeries s =
        new MarketSeries(
            "DGS10",
            List.of(
                Observation.of("2025-01-06", "3.00"),
                Observation.of("2025-01-07", "4.00"),
                Observation.of("2025-01-08", "9.00"),
                Observation.of("2025-04-07", "4.60")));
    MarketEvent event = detector.detect(s).orElseThrow();
    assertThat(event.evidence()).contains(new TriggerEvidence("fromDate", "2025-01-07"));
    assertThat(event.severity()).isEqualTo(TriggerSeverity.MEDIUM);
  }

  @Test
  void aSeriesShorterThanTheWindowIsRefused() {
    MarketSeries s =
        new MarketSeries(
            "DGS10",
            List.of(Observation.of("2025-03-01", "4.00"), Observation.of("2025-04-07", "5.00")));
    assertThatThrownBy(() -> detector.detect(s))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("needs a close on or before 2025-01-07 to measure a 90-day move");
  }

  @Test
  void theWindowMustBePositive() {
    assertThatThrownBy(() -> new RateMoveDetector(CLOCK, RateMoveDetector.DEFAULT_BANDS, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seriesMustBeNamedNonEmptyAndInDateOrder() {
    assertThatThrownBy(() -> new MarketSeries(" ", List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.name")
        .hasMessageContaining("series.points: must not be empty");
    assertThatThrownBy(
            () ->
                new MarketSeries(
                    "X",
                    List.of(Observation.of("2025-01-02", "1"), Observation.of("2025-01-02", "2"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.points[1].date");
    assertThatThrownBy(() -> new MarketSeries("X", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("series.points: is required");
  }
}
