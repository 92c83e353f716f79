package dev.finpilot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityBandsTest {

  private final SeverityBands bands =
      new SeverityBands(
          Map.of(Severity.MEDIUM, new BigDecimal("0.10"), Severity.HIGH, new BigDecimal("0.20")));

  @Test
  void lowerBoundsAreInclusive() {
    assertThat(bands.classify(new BigDecimal("0.0999"))).isEmpty();
    assertThat(bands.classify(new BigDecimal("0.10"))).contains(Severity.MEDIUM);
    assertThat(bands.classify(new BigDecimal("0.1999"))).contains(Severity.MEDIUM);
    assertThat(bands.classify(new BigDecimal("0.2000"))).contains(Severity.HIGH);
    assertThat(bands.classify(new BigDecimal("5"))).contains(Severity.HIGH);
  }

  @Test
  void boundsMustRiseWithSeverityAndBePositive() {
    assertThatThrownBy(
            () ->
                new SeverityBands(
                    Map.of(Severity.LOW, BigDecimal.TEN, Severity.HIGH, BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HIGH");
    assertThatThrownBy(() -> new SeverityBands(Map.of(Severity.LOW, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeverityBands(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBandCanBeCitedAndAMissingOneIsAnError() {
    assertThat(bands.lowerBound(Severity.HIGH)).isEqualByComparingTo("0.20");
    assertThatThrownBy(() -> bands.lowerBound(Severity.LOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void severityEscalatesOneStepAndStopsAtCritical() {
    assertThat(Severity.LOW.escalate()).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.HIGH.escalate()).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.CRITICAL.escalate()).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.max(Severity.MEDIUM, Severity.HIGH)).isEqualTo(Severity.HIGH);
    assertThat(Severity.max(Severity.HIGH, Severity.LOW)).isEqualTo(Severity.HIGH);
  }
}
