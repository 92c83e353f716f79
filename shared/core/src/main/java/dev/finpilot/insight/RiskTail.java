package dev.finpilot.insight;

import java.util.Arrays;

/**
 * Value at risk and expected shortfall of one loss, across the simulated paths. A loss is a
 * positive number of dollars (a gain is a negative loss). VaR at 95% is the loss exceeded on only
 * 5% of the paths: with the {@code n} losses sorted ascending and {@code m = floor(5% n)}, it is
 * the {@code (n - m)}-th smallest. Expected shortfall at 95% is the mean of the {@code m} losses
 * beyond it, the worst 5% of paths. Likewise at 99%.
 *
 * @param measure which loss
 * @param definition the loss in words, with its basis
 * @param probabilityOfLoss share of paths whose loss is above zero
 */
public record RiskTail(
    Measure measure,
    String definition,
    double valueAtRisk95,
    double expectedShortfall95,
    double valueAtRisk99,
    double expectedShortfall99,
    double probabilityOfLoss) {

  /** The losses FinPilot measures. */
  public enum Measure {
    /** Over the first plan year: what went in less what is there at its end. */
    ONE_YEAR,
    /** At the goal date: the target less the wealth reached. */
    HORIZON_AGAINST_TARGET,
    /** At the goal date: the money put in (no growth) less the wealth reached. */
    HORIZON_AGAINST_MONEY_PUT_IN
  }

  /** The tail of {@code losses} (one per path; the array is sorted in place). */
  static RiskTail of(Measure measure, String definition, double[] losses) {
    Arrays.sort(losses);
    int n = losses.length;
    int lossy = 0;
    for (int i = n - 1; i >= 0 && losses[i] > 0; i--) {
      lossy++;
    }
    return new RiskTail(
        measure,
        definition,
        valueAtRisk(losses, 95),
        expectedShortfall(losses, 95),
        valueAtRisk(losses, 99),
        expectedShortfall(losses, 99),
        (double) lossy / n);
  }

  /** Paths in the tail beyond VaR at {@code confidence}%: floor((100 - confidence)% of n), >= 1. */
  private static int tailCount(int n, int confidence) {
    return Math.max(1, n * (100 - confidence) / 100);
  }

  private static double valueAtRisk(double[] sorted, int confidence) {
    int n = sorted.length;
    return sorted[Math.max(0, n - tailCount(n, confidence) - 1)];
  }

  private static double expectedShortfall(double[] sorted, int confidence) {
    int n = sorted.length;
    int m = tailCount(n, confidence);
    double sum = 0;
    for (int i = n - m; i < n; i++) {
      sum += sorted[i];
    }
    return sum / m;
  }
}
