package dev.finpilot.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseOutTest {

  private static final PhaseOut SINGLE_2025 = new PhaseOut(Money.usd(150_000), Money.usd(165_000));

  @ParameterizedTest(name = "MAGI {0} -> {1}")
  @CsvSource({
    "0, 7000",
    "150000.00, 7000",
    // one dollar in: 7,000 x 14,999/15,000 = 6,999.53, rounded up to the next $10
    "150001, 7000",
    "151000, 6540",
    "157500, 3500",
    "164000, 470",
    // 23.33 rounds up to 30 and is then raised to the $200 floor
    "164950, 200",
    "164999.99, 200",
    "165000, 0",
    "400000, 0"
  })
  void reducedLimitFollowsIrsWorksheet(String magi, String expected) {
    assertThat(SINGLE_2025.reducedLimit(Money.usd(7_000), Money.usd(magi)))
        .isEqualTo(Money.usd(expected));
  }

  @Test
  void marriedSeparateRangeStartsAtZero() {
    PhaseOut mfs = new PhaseOut(Money.usd(0), Money.usd(10_000));
    assertThat(mfs.reducedLimit(Money.usd(7_000), Money.usd(0))).isEqualTo(Money.usd(7_000));
    assertThat(mfs.reducedLimit(Money.usd(7_000), Money.usd(5_000))).isEqualTo(Money.usd(3_500));
    assertThat(mfs.isPhasedOutCompletely(Money.usd(10_000))).isTrue();
    assertThat(mfs.isPhasedOutCompletely(Money.usd(9_999))).isFalse();
  }

  @Test
  void floorNeverExceedsTheFullLimit() {
    assertThat(SINGLE_2025.reducedLimit(Money.usd(150), Money.usd(164_990)))
        .isEqualTo(Money.usd(150));
  }

  @Test
  void invalidRangesAreRefused() {
    assertThatThrownBy(() -> new PhaseOut(Money.usd(10), Money.usd(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhaseOut(Money.usd(-1), Money.usd(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
