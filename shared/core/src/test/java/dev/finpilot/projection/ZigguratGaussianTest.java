package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZigguratGaussianTest {

  private static final int N = 2_000_000;

  @Test
  void momentsAreThoseOfAStandardNormal() {
    SplittableRandom random = new SplittableRandom(11);
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (int i = 0; i < N; i++) {
      double z = ZigguratGaussian.next(random);
      double z2 = z * z;
      s1 += z;
      s2 += z2;
      s3 += z2 * z;
      s4 += z2 * z2;
    }
    assertThat(s1 / N).isCloseTo(0, within(0.003));
    assertThat(s2 / N).isCloseTo(1, within(0.004));
    assertThat(s3 / N).isCloseTo(0, within(0.01));
    assertThat(s4 / N).isCloseTo(3, within(0.03));
  }

  @Test
  void distributionMatchesTheNormalCdfIncludingTheTail() {
    double[] cuts = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
    double[] cdf = {
      0.0013498980,
      0.0227501319,
      0.1586552539,
      0.3085375387,
      0.5,
      0.6914624613,
      0.8413447461,
      0.9772498681,
      0.9986501020
    };
    long[] below = new long[cuts.length];
    long beyondTail = 0;
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < N; i++) {
      double z = ZigguratGaussian.next(random);
      for (int c = 0; c < cuts.length; c++) {
        if (z < cuts[c]) {
          below[c]++;
        }
      }
      if (Math.abs(z) > ZigguratGaussian.TAIL_START) {
        beyondTail++;
      }
    }
    for (int c = 0; c < cuts.length; c++) {
      double p = cdf[c];
      double sd = Math.sqrt(p * (1 - p) / N);
      assertThat((double) below[c] / N).isCloseTo(p, within(5 * sd + 1e-6));
    }
    // P(|Z| > 3.6542) = 2.58e-4: the tail sampler is exercised and right in size.
    assertThat((double) beyondTail / N).isCloseTo(2.58e-4, within(0.5e-4));
  }

  @Test
  void theLayersTileTheCurve() {
    assertThat(ZigguratGaussian.layerEdge(1)).isEqualTo(ZigguratGaussian.TAIL_START);
    assertThat(ZigguratGaussian.layerEdge(256)).isZero();
    double top = ZigguratGaussian.layerEdge(255);
    // The top layer's area must equal every other layer's: width * (1 - f(width)).
    assertThat(top * (1 - Math.exp(-0.5 * top * top)))
        .isCloseTo(ZigguratGaussian.LAYER_AREA, within(1e-6));
  }

  @Test
  void aSeedGivesTheSameSequence() {
    SplittableRandom a = new SplittableRandom(99);
    SplittableRandom b = new SplittableRandom(99);
    for (int i = 0; i < 10_000; i++) {
      assertThat(ZigguratGaussian.next(a)).isEqualTo(ZigguratGaussian.next(b));
    }
  }
}
