package dev.finpilot.retrieval.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {

  @Test
  void withoutTheVariableTheDefaultsApply() {
    assertThat(ResilienceSettings.fromEnvironment(Map.of())).isEqualTo(ResilienceSettings.DEFAULTS);
  }

  @Test
  void theVariableSetsHowLongAnOpenBreakerStaysOpenAndNothingElse() {
    ResilienceSettings settings =
        ResilienceSettings.fromEnvironment(Map.of(ResilienceSettings.BREAKER_OPEN_SECONDS, "300"));

    assertThat(settings.openFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.attempts()).isEqualTo(ResilienceSettings.DEFAULTS.attempts());
    assertThat(settings.breakerWindow()).isEqualTo(ResilienceSettings.DEFAULTS.breakerWindow());
  }

  @Test
  void aValueThatIsNotAPositiveNumberOfSecondsStopsTheFunctionNamingTheVariable() {
    assertThatThrownBy(
            () ->
                ResilienceSettings.fromEnvironment(
                    Map.of(ResilienceSettings.BREAKER_OPEN_SECONDS, "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MARKET_DATA_BREAKER_OPEN_SECONDS");
  }
}
