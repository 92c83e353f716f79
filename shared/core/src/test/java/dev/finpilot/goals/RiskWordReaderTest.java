package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.RiskTolerance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskWordReaderTest {

  private static List<RiskWordReader.Reading> read(String text) {
    return RiskWordReader.consumeAll(new TextMask(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "keep it safe|CONSERVATIVE",
        "low risk|CONSERVATIVE",
        "low-risk|CONSERVATIVE",
        "conservative|CONSERVATIVE",
        "I am risk averse|CONSERVATIVE",
        "no risk please|CONSERVATIVE",
        "capital preservation|CONSERVATIVE",
        "moderate|MODERATE",
        "moderate risk|MODERATE",
        "balanced|MODERATE",
        "medium risk|MODERATE",
        "aggressive|AGGRESSIVE",
        "aggressively|AGGRESSIVE",
        "high risk|AGGRESSIVE",
        "growth|AGGRESSIVE",
        "maximum growth|AGGRESSIVE",
        "risky|AGGRESSIVE"
      })
  void readsTheLevel(String text, RiskTolerance level) {
    List<RiskWordReader.Reading> readings = read(text);

    assertThat(readings).hasSize(1);
    assertThat(readings.get(0).level()).isEqualTo(level);
    assertThat(readings.get(0).negated()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"nothing too risky", "not aggressive", "I don't want high risk", "not too safe"})
  void aNegatedWordIsReadAsModerateAndTheNegationIsConsumed(String text) {
    TextMask mask = new TextMask(text);
    List<RiskWordReader.Reading> readings = RiskWordReader.consumeAll(mask);

    assertThat(readings).hasSize(1);
    assertThat(readings.get(0).level()).isEqualTo(RiskTolerance.MODERATE);
    assertThat(readings.get(0).negated()).isTrue();
    assertThat(mask.unreadFragments()).isEmpty();
  }

  @Test
  void aSafetyNetIsAnEmergencyFundNotARiskWord() {
    TextMask mask = new TextMask("a safety net");
    GoalTypeClassifier.consume(mask);

    assertThat(RiskWordReader.consumeAll(mask)).isEmpty();
  }
}
