package dev.finpilot.insight;

import java.util.Arrays;

/**
 * Percentiles of one quantity across the simulated paths, by nearest rank: the {@code p}-th
 * percentile of {@code n} values is the {@code ceil(p n / 100)}-th smallest, as in the projection's
 * bands.
 */
public record RiskPercentiles(double p50, double p90, double p95, double p99) {

  /** The percentiles of {@code values} (sorted in place). */
  static RiskPercentiles of(double[] values) {
    Arrays.sort(values);
    return new RiskPercentiles(at(values, 50), at(values, 90), at(values, 95), at(values, 99));
  }

  static double at(double[] sorted, int pct) {
    long rank = ((long) pct * sorted.length + 99) / 100;
    return sorted[(int) Math.max(0, rank - 1)];
  }
}
