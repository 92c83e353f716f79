package dev.finpilot.market;

import dev.finpilot.domain.AssetClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Capital-market assumptions as a market snapshot records them: arithmetic mean and volatility of
 * simple annual returns per asset class and for inflation, and the correlations of the log returns.
 * Plain data, so it travels as JSON and is stored with each plan version; {@link #toAssumptions()}
 * rebuilds the lognormal model.
 */
public record AssumptionsDocument(
    String source,
    Map<AssetClass, Moments> assets,
    Moments inflation,
    List<Correlation> correlations) {

  public AssumptionsDocument {
    assets = new EnumMap<>(assets);
    correlations = List.copyOf(correlations);
  }

  /** Mean and volatility of simple annual returns, as fractions. */
  public record Moments(double arithmeticMean, double volatility) {
    Moments withMean(double mean) {
      return new Moments(mean, volatility);
    }
  }

  /** {@code b} null means the correlation of {@code a} with inflation. */
  public record Correlation(AssetClass a, AssetClass b, double rho) {}

  /**
   * The sample moments of the history's simple annual returns (so the bootstrap of that history has
   * exactly these means) with the correlations of the fitted log returns.
   */
  public static AssumptionsDocument historical(HistoricalReturns data) {
    CapitalMarketAssumptions fitted = CapitalMarketAssumptions.fitted(data);
    Map<AssetClass, Moments> assets = new EnumMap<>(AssetClass.class);
    List<Correlation> correlations = new ArrayList<>();
    AssetClass[] all = AssetClass.values();
    for (int i = 0; i < all.length; i++) {
      AssetClass a = all[i];
      assets.put(a, moments(data.returns(a)));
      correlations.add(new Correlation(a, null, fitted.correlationWithInflation(a)));
      for (int j = i + 1; j < all.length; j++) {
        correlations.add(new Correlation(a, all[j], fitted.correlation(a, all[j])));
      }
    }
    String source =
        "sample moments of " + data.edition() + " " + data.firstYear() + "-" + data.lastYear();
    return new AssumptionsDocument(source, assets, moments(data.inflation()), correlations);
  }

  private static Moments moments(double[] returns) {
    double mean = CapitalMarketAssumptions.mean(returns);
    return new Moments(
        mean, Math.sqrt(CapitalMarketAssumptions.covariance(returns, mean, returns, mean)));
  }

  public double mean(AssetClass assetClass) {
    Moments m = assets.get(assetClass);
    if (m == null) {
      throw new IllegalArgumentException("no capital-market assumption for " + assetClass);
    }
    return m.arithmeticMean();
  }

  /** The same volatilities and correlations with other means. */
  AssumptionsDocument withMeans(
      String newSource, Map<AssetClass, Double> means, double inflationMean) {
    Map<AssetClass, Moments> shifted = new EnumMap<>(assets);
    means.forEach((a, mean) -> shifted.put(a, shifted.get(a).withMean(mean)));
    return new AssumptionsDocument(
        newSource, shifted, inflation.withMean(inflationMean), correlations);
  }

  public CapitalMarketAssumptions toAssumptions() {
    CapitalMarketAssumptions.Builder builder = CapitalMarketAssumptions.builder(source);
    assets.forEach((a, m) -> builder.asset(a, m.arithmeticMean(), m.volatility()));
    builder.inflation(inflation.arithmeticMean(), inflation.volatility());
    for (Correlation c : correlations) {
      if (c.b() == null) {
        builder.correlationWithInflation(c.a(), c.rho());
      } else {
        builder.correlation(c.a(), c.b(), c.rho());
      }
    }
    return builder.build();
  }
}
