package dev.finpilot.insight;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.HistoricalReturns;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Sharpe and Sortino ratios of one allocation on the embedded annual history, rebalanced every
 * year. With {@code r_t} the allocation's return in year {@code t} and {@code b_t} the 3-month
 * T-bill's, the excess return is {@code e_t = r_t - b_t}; Sharpe is the mean of {@code e_t} over
 * its sample standard deviation (n - 1), Sortino the same mean over the downside deviation {@code
 * sqrt(sum(min(e_t, 0)^2) / n)}. Nominal returns: the bills carry the same inflation.
 *
 * @param label which allocation of the plan (its first year, or the goal date)
 * @param age the age at which the plan holds it
 * @param sharpe null when the excess return never varies (an all-bill allocation)
 * @param sortino null when the allocation never returned less than the bills
 */
public record RiskRatios(
    String label,
    int age,
    Allocation allocation,
    int firstYear,
    int lastYear,
    double meanReturn,
    double meanExcessReturn,
    double standardDeviation,
    double downsideDeviation,
    Double sharpe,
    Double sortino) {

  static RiskRatios of(String label, int age, Allocation allocation, HistoricalReturns data) {
    int n = data.yearCount();
    double[] portfolio = new double[n];
    double weightSum = 0;
    for (Map.Entry<AssetClass, BigDecimal> e : allocation.weights().entrySet()) {
      double w = e.getValue().doubleValue();
      weightSum += w;
      double[] r = data.returns(e.getKey());
      for (int t = 0; t < n; t++) {
        portfolio[t] += w * r[t];
      }
    }
    double[] bills = data.returns(AssetClass.CASH);
    double meanReturn = 0;
    double meanExcess = 0;
    double[] excess = new double[n];
    for (int t = 0; t < n; t++) {
      // Renormalised as the projection does, so a 0.01% rounding in the weights cannot leak.
      portfolio[t] /= weightSum;
      excess[t] = portfolio[t] - bills[t];
      meanReturn += portfolio[t] / n;
      meanExcess += excess[t] / n;
    }
    double squares = 0;
    double downside = 0;
    for (double e : excess) {
      squares += (e - meanExcess) * (e - meanExcess);
      downside += e < 0 ? e * e : 0;
    }
    double sd = Math.sqrt(squares / (n - 1));
    double dd = Math.sqrt(downside / n);
    return new RiskRatios(
        label,
        age,
        allocation,
        data.firstYear(),
        data.lastYear(),
        meanReturn,
        meanExcess,
        sd,
        dd,
        sd > 0 ? meanExcess / sd : null,
        dd > 0 ? meanExcess / dd : null);
  }
}
