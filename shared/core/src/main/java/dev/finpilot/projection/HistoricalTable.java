package dev.finpilot.projection;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.HistoricalReturns;
import java.util.List;

/**
 * One request's view of the historical data: for each calendar year, the growth factor of each
 * asset class asked for (deflated by that year's CPI in real mode) and the inflation factor, with
 * the returns and inflation first moved by a {@link MeanShift}.
 */
final class HistoricalTable {
  private final double[][] growth;
  private final double[] inflation;

  HistoricalTable(HistoricalReturns data, List<AssetClass> assetClasses, boolean real) {
    this(data, assetClasses, real, MeanShift.none());
  }

  HistoricalTable(
      HistoricalReturns data, List<AssetClass> assetClasses, boolean real, MeanShift shift) {
    int years = data.yearCount();
    this.growth = new double[assetClasses.size()][years];
    this.inflation = new double[years];
    double[] cpi = data.inflation();
    for (int y = 0; y < years; y++) {
      cpi[y] += shift.inflation();
    }
    for (int a = 0; a < growth.length; a++) {
      AssetClass assetClass = assetClasses.get(a);
      double[] r = data.returns(assetClass);
      for (int y = 0; y < years; y++) {
        r[y] += shift.asset(assetClass);
        growth[a][y] = real ? (1 + r[y]) / (1 + cpi[y]) : 1 + r[y];
      }
    }
    for (int y = 0; y < years; y++) {
      inflation[y] = real ? 1 : 1 + cpi[y];
    }
  }

  int years() {
    return inflation.length;
  }

  /**
   * Makes step {@code t} of a path a copy of historical year index {@code yearIndexes[t]}, for the
   * first {@code steps} steps.
   */
  void copyYears(int[] yearIndexes, int steps, double[] growthOut, double[] inflationOut) {
    for (int a = 0; a < growth.length; a++) {
      double[] column = growth[a];
      int offset = a * steps;
      for (int t = 0; t < steps; t++) {
        growthOut[offset + t] = column[yearIndexes[t]];
      }
    }
    for (int t = 0; t < steps; t++) {
      inflationOut[t] = inflation[yearIndexes[t]];
    }
  }
}
