package dev.finpilot.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Portfolio weights by asset class; weights are non-negative and sum to one. */
public record Allocation(Map<AssetClass, BigDecimal> weights) {

  private static final BigDecimal TOLERANCE = new BigDecimal("0.0001");

  public Allocation {
    EnumMap<AssetClass, BigDecimal> copy = new EnumMap<>(AssetClass.class);
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<AssetClass, BigDecimal> e : weights.entrySet()) {
      if (e.getValue().signum() < 0) {
        throw new IllegalArgumentException("negative weight for " + e.getKey());
      }
      if (e.getValue().signum() > 0) {
        copy.put(e.getKey(), e.getValue());
        sum = sum.add(e.getValue());
      }
    }
    if (sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
      throw new IllegalArgumentException("weights must sum to 1, sum was " + sum.toPlainString());
    }
    weights = Collections.unmodifiableMap(copy);
  }

  /** A stock/bond/cash mix using large caps, Treasuries and T-bills. */
  public static Allocation of(String equity, String bonds, String cash) {
    EnumMap<AssetClass, BigDecimal> w = new EnumMap<>(AssetClass.class);
    w.put(AssetClass.US_LARGE_CAP, new BigDecimal(equity));
    w.put(AssetClass.TREASURY_BOND, new BigDecimal(bonds));
    w.put(AssetClass.CASH, new BigDecimal(cash));
    return new Allocation(w);
  }

  public BigDecimal weight(AssetClass assetClass) {
    return weights.getOrDefault(assetClass, BigDecimal.ZERO);
  }

  public BigDecimal equityShare() {
    return weights.entrySet().stream()
        .filter(e -> e.getKey().isEquity())
        .map(Map.Entry::getValue)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
