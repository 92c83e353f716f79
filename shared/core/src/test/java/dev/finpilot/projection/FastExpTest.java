package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class FastExpTest {

  @Test
  void staysWithinTwoUlpOfStrictMathAcrossTheRangeTheEngineUses() {
    SplittableRandom random = new SplittableRandom(7);
    double worst = 0;
    for (int i = 0; i < 1_000_000; i++) {
      double x = (random.nextDouble() - 0.5) * 20;
      double exact = StrictMath.exp(x);
      worst = Math.max(worst, Math.abs(FastExp.exp(x) - exact) / Math.ulp(exact));
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
  }

  @Test
  void isExactWhereTheTableIs() {
    assertThat(FastExp.exp(0)).isEqualTo(1.0);
    assertThat(FastExp.exp(StrictMath.log(2) * 3)).isCloseTo(8.0, Offset.offset(1e-14));
    assertThat(FastExp.exp(-1e-300)).isEqualTo(1.0);
  }

  @Test
  void extremeArgumentsFallBackToStrictMath() {
    assertThat(FastExp.exp(710)).isEqualTo(StrictMath.exp(710));
    assertThat(FastExp.exp(800)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FastExp.exp(-800)).isZero();
    assertThat(FastExp.exp(Double.NaN)).isNaN();
    assertThat(FastExp.exp(-700)).isCloseTo(StrictMath.exp(-700), Percentage.withPercentage(1e-12));
  }
}
