package dev.finpilot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityBandsTest {

  private final SeverityBands bands =
      new SeverityBands(
          Map.of(
              TriggerSeverity.MEDIUM,
              new BigDecimal("0.10"),
              TriggerSeverity.HIGH,
              new BigDecimal("0.20")));

  @Test
  void lowerBoundsAreInclusive() {
    assertThat(bands.classify(new BigDecimal("0.0999"))).isEmpty();
    assertThat(bands.classify(new BigDecimal("0.10"))).contains(TriggerSeverity.MEDIUM);
    assertThat(bands.classify(new BigDecimal("0.1999"))).contains(TriggerSeverity.MEDIUM);
    assertThat(bands.classify(new BigDecimal("0.2000"))).contains(TriggerSeverity.HIGH);
    assertThat(bands.classify(new BigDecimal("5"))).contains(TriggerSeverity.HIGH);
  }

  @Test
  void boundsMustRiseWithSeverityAndBePositive() {
    assertThatThrownBy(
            () ->
                new SeverityBands(
                    Map.of(
                        TriggerSeverity.LOW, BigDecimal.TEN, TriggerSeverity.HIGH, BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HIGH");
    assertThatThrownBy(() -> new SeverityBands(Map.of(TriggerSeverity.LOW, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeverityBands(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBandCanBeCitedAndAMissingOneIsAnError() {
    assertThat(bands.lowerBound(TriggerSeverity.HIGH)).isEqualByComparingTo("0.20");
    assertThatThrownBy(() -> bands.lowerBound(TriggerSeverity.LOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void severityEscalatesOneStepAndStopsAtCritical() {
    assertThat(TriggerSeverity.LOW.escalate()).isEqualTo(TriggerSeverity.MEDIUM);
    assertThat(TriggerSeverity.HIGH.escalate()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(TriggerSeverity.CRITICAL.escalate()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(TriggerSeverity.max(TriggerSeverity.MEDIUM, TriggerSeverity.HIGH))
        .isEqualTo(TriggerSeverity.HIGH);
    assertThat(TriggerSeverity.max(TriggerSeverity.HIGH, TriggerSeverity.LOW))
        .isEqualTo(TriggerSeverity.HIGH);
  }
}
