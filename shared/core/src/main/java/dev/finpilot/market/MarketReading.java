package dev.finpilot.market;

import java.util.Objects;

/**
 * What asking a market-data source for one series gave: the series, or the reason there is none.
 */
public record MarketReading(Series series, String unavailable) {

  public MarketReading {
    if ((series == null) == (unavailable == null)) {
      throw new IllegalArgumentException("a reading is either a series or a reason, not both");
    }
  }

  public static MarketReading of(Series series) {
    return new MarketReading(Objects.requireNonNull(series, "series"), null);
  }

  public static MarketReading unavailable(String reason) {
    return new MarketReading(null, Objects.requireNonNull(reason, "reason"));
  }
}
