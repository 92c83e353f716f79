package dev.finpilot.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One market reading a snapshot was built from, or the reason it could not be.
 *
 * @param name {@code DGS3MO}, {@code DGS10} or {@code CPI}
 * @param value the yield in percent, or the consumer prices' 12-month change in percent; null when
 *     the historical mean was kept instead ({@link Provenance#EMBEDDED})
 * @param source the provider that answered, or {@code embedded}
 * @param asOf the date of the reading; for the embedded data set the end of its last year
 * @param note why the historical mean was kept; null when the reading was used
 */
public record MarketInput(
    String name,
    BigDecimal value,
    String source,
    LocalDate asOf,
    Provenance provenance,
    String note) {

  /** The provider name of the data set shipped with FinPilot. */
  public static final String EMBEDDED_SOURCE = "embedded";

  public MarketInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(provenance, "provenance");
  }

  static MarketInput read(String name, BigDecimal value, Series series) {
    return new MarketInput(
        name, value, series.source(), series.latest().date(), series.provenance(), null);
  }

  static MarketInput embedded(String name, HistoricalReturns data, String reason) {
    return new MarketInput(name, null, EMBEDDED_SOURCE, endOf(data), Provenance.EMBEDDED, reason);
  }

  static LocalDate endOf(HistoricalReturns data) {
    return LocalDate.of(data.lastYear(), 12, 31);
  }
}
