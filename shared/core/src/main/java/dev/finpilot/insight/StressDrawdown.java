package dev.finpilot.insight;

import dev.finpilot.projection.YearBand;
import java.util.List;

/**
 * The worst fall of a value series from a peak to a later trough, and how long it took to get back
 * to the peak. Plan years count from 0 (today).
 *
 * @param depth the fall as a fraction of the peak (0.40 = 40% below); 0 when the series never fell
 * @param recoveryYears years from the trough until the value was back at the peak; null when it was
 *     not within the horizon
 */
public record StressDrawdown(double depth, int peakYear, int troughYear, Integer recoveryYears) {

  /** The drawdown of the median (p50) of {@code bands}, year by year. */
  static StressDrawdown ofMedian(List<YearBand> bands) {
    double[] values = bands.stream().mapToDouble(YearBand::p50).toArray();
    return of(values);
  }

  static StressDrawdown of(double[] values) {
    int peak = 0;
    double depth = 0;
    int worstPeak = 0;
    int worstTrough = 0;
    for (int y = 1; y < values.length; y++) {
      if (values[y] >= values[peak]) {
        peak = y;
      } else if (values[peak] > 0) {
        double fall = (values[peak] - values[y]) / values[peak];
        if (fall > depth) {
          depth = fall;
          worstPeak = peak;
          worstTrough = y;
        }
      }
    }
    Integer recovery = depth == 0 ? Integer.valueOf(0) : null;
    for (int y = worstTrough + 1; y < values.length && recovery == null; y++) {
      if (values[y] >= values[worstPeak]) {
        recovery = y - worstTrough;
      }
    }
    return new StressDrawdown(depth, worstPeak, worstTrough, recovery);
  }
}
