package dev.finpilot.retrieval;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.CapitalMarketAssumptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Capital-market assumptions as the retrieval agent publishes and caches them: arithmetic mean and
 * volatility of simple annual returns per asset class and for inflation, and the correlations of
 * the log returns. Plain data, so it travels as JSON; {@link #toAssumptions()} rebuilds the model.
 */
public record AssumptionsDocument(
    String source,
    String edition,
    Map<AssetClass, Moments> assets,
    Moments inflation,
    List<Correlation> correlations) {

  /** Mean and volatility of simple annual returns, as fractions. */
  public record Moments(double arithmeticMean, double volatility) {}

  /** {@code b} null means the correlation of {@code a} with inflation. */
  public record Correlation(AssetClass a, AssetClass b, double rho) {}

  public static AssumptionsDocument of(CapitalMarketAssumptions model, String edition) {
    Map<AssetClass, Moments> assets = new EnumMap<>(AssetClass.class);
    List<Correlation> correlations = new ArrayList<>();
    AssetClass[] all = AssetClass.values();
    for (int i = 0; i < all.length; i++) {
      AssetClass a = all[i];
      if (!model.covers(a)) {
        continue;
      }
      assets.put(a, new Moments(model.arithmeticMean(a), model.volatility(a)));
      correlations.add(new Correlation(a, null, model.correlationWithInflation(a)));
      for (int j = i + 1; j < all.length; j++) {
        if (model.covers(all[j])) {
          correlations.add(new Correlation(a, all[j], model.correlation(a, all[j])));
        }
      }
    }
    return new AssumptionsDocument(
        model.source(),
        edition,
        assets,
        new Moments(model.inflationMean(), model.inflationVolatility()),
        correlations);
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
