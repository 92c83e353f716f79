package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

  private static final int[] PCTS = {10, 25, 50, 75, 90};

  @Test
  void nearestRankUsesIntegerArithmetic() {
    assertThat(OrderStatistics.percentileRank(10, 10_000)).isEqualTo(999);
    assertThat(OrderStatistics.percentileRank(50, 10_000)).isEqualTo(4999);
    assertThat(OrderStatistics.percentileRank(90, 69)).isEqualTo(62);
    assertThat(OrderStatistics.percentileRank(50, 1)).isZero();
    assertThat(OrderStatistics.percentileRank(10, 1)).isZero();
    assertThat(OrderStatistics.percentileRank(0, 5)).isZero();
  }

  @Test
  void agreesWithSortingOnLognormalWealth() {
    SplittableRandom random = new SplittableRandom(3);
    double[] values = new double[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1e6 * Math.exp(0.8 * random.nextGaussian());
    }
    assertMatchesSort(values);
  }

  @Test
  void handlesZerosTiesTinyAndHugeValues() {
    SplittableRandom random = new SplittableRandom(4);
    double[] values = new double[5_001];
    for (int i = 0; i < values.length; i++) {
      switch (i % 5) {
        case 0 -> values[i] = 0;
        case 1 -> values[i] = 1e-9 * random.nextDouble();
        case 2 -> values[i] = 42;
        case 3 -> values[i] = 1e20 * (1 + random.nextDouble());
        default -> values[i] = random.nextDouble() * 1e6;
      }
    }
    assertMatchesSort(values);
    double[] zeros = new double[1000];
    assertMatchesSort(zeros);
    assertMatchesSort(new double[] {7.5});
  }

  @Test
  void leavesTheColumnUnchangedAndCanBeReused() {
    double[] values = {5, 1, 4, 2, 3};
    double[] copy = values.clone();
    OrderStatistics stats = new OrderStatistics(5, 5);
    double[] out = new double[3];
    stats.select(values, 5, new int[] {0, 2, 4}, out);
    assertThat(out).containsExactly(1, 3, 5);
    assertThat(values).containsExactly(copy);
    stats.select(new double[] {9, 8, 7}, 3, new int[] {0, 1, 2}, out);
    assertThat(out).containsExactly(7, 8, 9);
  }

  @Test
  void refusesNegativeAndNonFiniteValues() {
    OrderStatistics stats = new OrderStatistics(3, 1);
    double[] out = new double[1];
    int[] median = {1};
    assertThatThrownBy(() -> stats.select(new double[] {1, -2, 3}, 3, median, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats.select(new double[] {1, Double.NaN, 3}, 3, median, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats.select(new double[] {1, -0.0, 3}, 3, median, out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertMatchesSort(double[] values) {
    int n = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] ranks = new int[PCTS.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = OrderStatistics.percentileRank(PCTS[i], n);
    }
    double[] out = new double[ranks.length];
    new OrderStatistics(n, ranks.length).select(values, n, ranks, out);
    for (int i = 0; i < ranks.length; i++) {
      assertThat(out[i]).as("P%d", PCTS[i]).isEqualTo(sorted[ranks[i]]);
    }
  }
}
