package dev.finpilot.monitoring;

import dev.finpilot.domain.Validation;
import dev.finpilot.market.Observation;
import java.util.List;

/**
 * A named series of daily closes in date order, such as the S&P 500 ({@code SPX}) or the 10-year
 * Treasury yield in percent ({@code DGS10}).
 */
public record MarketSeries(String name, List<Observation> points) {

  /** Validates the name and the date order; an empty or unordered series is refused. */
  public MarketSeries {
    Validation v = new Validation();
    v.require(name != null && !name.isBlank(), "series.name", "is required");
    if (v.notNull(points, "series.points")) {
      v.require(!points.isEmpty(), "series.points", "must not be empty");
      for (int i = 1; i < points.size(); i++) {
        v.require(
            points.get(i).date().isAfter(points.get(i - 1).date()),
            "series.points[" + i + "].date",
            "must be after the previous date " + points.get(i - 1).date());
      }
    }
    v.throwIfInvalid();
    points = List.copyOf(points);
  }

  public Observation latest() {
    return points.get(points.size() - 1);
  }

  public int size() {
    return points.size();
  }
}
