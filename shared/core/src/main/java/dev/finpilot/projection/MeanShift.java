package dev.finpilot.projection;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.AssumptionsDocument;
import dev.finpilot.market.MarketSnapshot;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the bootstrap adds to every drawn year's simple return, per asset class and for inflation,
 * so that its means become a snapshot's: the snapshot's mean minus the history's. Adding the same
 * amount to every year moves the mean and leaves volatilities, correlations and the joint draws of
 * each year as they were.
 */
final class MeanShift {
  private static final MeanShift NONE = new MeanShift(new EnumMap<>(AssetClass.class), 0);

  private final Map<AssetClass, Double> assets;
  private final double inflation;

  private MeanShift(Map<AssetClass, Double> assets, double inflation) {
    this.assets = assets;
    this.inflation = inflation;
  }

  static MeanShift none() {
    return NONE;
  }

  /** The shift from the embedded history's means to {@code snapshot}'s. */
  static MeanShift toward(MarketSnapshot snapshot) {
    AssumptionsDocument history = MarketSnapshot.historical().assumptions();
    AssumptionsDocument target = snapshot.assumptions();
    Map<AssetClass, Double> assets = new EnumMap<>(AssetClass.class);
    for (AssetClass a : target.assets().keySet()) {
      double d = target.mean(a) - history.mean(a);
      if (d != 0) {
        assets.put(a, d);
      }
    }
    double inflation = target.inflation().arithmeticMean() - history.inflation().arithmeticMean();
    return new MeanShift(assets, inflation);
  }

  double asset(AssetClass assetClass) {
    return assets.getOrDefault(assetClass, 0.0);
  }

  double inflation() {
    return inflation;
  }

  boolean isNone() {
    return assets.isEmpty() && inflation == 0;
  }
}
