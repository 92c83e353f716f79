package dev.finpilot.market;

import dev.finpilot.domain.Validation;
import java.time.Instant;
import java.util.List;

/**
 * A dated series from a market-data source, oldest first: daily closes of a symbol, a daily yield
 * in percent, or the monthly consumer price index.
 *
 * @param name the symbol ({@code SPY}), the {@link Rate} name ({@code DGS10}) or {@code CPI}
 * @param source the provider that answered, such as {@code alpha-vantage}
 * @param fetchedAt when FinPilot received it from the provider
 */
public record Series(
    String name,
    Unit unit,
    List<Observation> points,
    String source,
    Instant fetchedAt,
    Provenance provenance) {

  /** What the values measure. */
  public enum Unit {
    /** A price in the symbol's currency. */
    PRICE,
    /** A rate in percent, such as 4.05 for 4.05%. */
    PERCENT,
    /** An index level, such as the CPI (1982-84 = 100). */
    INDEX
  }

  public Series {
    Validation v = new Validation();
    v.require(name != null && !name.isBlank(), "name", "is required");
    v.notNull(unit, "unit");
    if (v.notNull(points, "points")) {
      v.require(!points.isEmpty(), "points", "must not be empty");
      for (int i = 1; i < points.size(); i++) {
        v.require(
            points.get(i).date().isAfter(points.get(i - 1).date()),
            "points[" + i + "].date",
            "must be after the previous date " + points.get(i - 1).date());
      }
    }
    v.require(source != null && !source.isBlank(), "source", "is required");
    v.notNull(fetchedAt, "fetchedAt");
    v.notNull(provenance, "provenance");
    v.throwIfInvalid();
    points = List.copyOf(points);
  }

  public Observation latest() {
    return points.get(points.size() - 1);
  }

  /** The same data as it is served from somewhere else, such as the cache. */
  public Series withProvenance(Provenance served) {
    return new Series(name, unit, points, source, fetchedAt, served);
  }
}
