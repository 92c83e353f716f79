package dev.finpilot.insight;

import dev.finpilot.projection.SimulatedPaths;

/**
 * The distribution of each path's maximum drawdown over the projection's horizon: the largest fall
 * from a year-end peak to a later year-end trough, as a fraction of the peak (0.25 = a quarter of
 * the value lost). Year-end values only, so a fall and recovery within one year is not seen.
 *
 * @param portfolio drawdowns of the portfolio's value, contributions and withdrawals included:
 *     contributions arriving during a fall hide part of it
 * @param market drawdowns of one dollar invested at the plan's allocation with no cash flows: the
 *     market's falls as the allocation lived them
 */
public record RiskDrawdown(RiskPercentiles portfolio, RiskPercentiles market) {

  static RiskDrawdown of(SimulatedPaths paths) {
    int n = paths.paths();
    int years = paths.years();
    double[] portfolio = new double[n];
    double[] market = new double[n];
    for (int p = 0; p < n; p++) {
      Drawdown value = new Drawdown(paths.wealth(p, 0));
      Drawdown dollar = new Drawdown(1);
      double growth = 1;
      for (int y = 1; y <= years; y++) {
        value.next(paths.wealth(p, y));
        growth *= paths.marketGrowth(p, y);
        dollar.next(growth);
      }
      portfolio[p] = value.max;
      market[p] = dollar.max;
    }
    return new RiskDrawdown(RiskPercentiles.of(portfolio), RiskPercentiles.of(market));
  }

  /** The running peak and the largest fall from it so far. */
  private static final class Drawdown {
    private double peak;
    private double max;

    Drawdown(double start) {
      this.peak = start;
    }

    void next(double value) {
      if (value > peak) {
        peak = value;
      } else if (peak > 0) {
        max = Math.max(max, (peak - value) / peak);
      }
    }
  }
}
