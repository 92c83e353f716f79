package dev.finpilot.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One daily close of a market series: an index level, a price, or a rate in percent. */
public record Observation(LocalDate date, BigDecimal value) {

  public Observation {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(value, "value");
  }

  public static Observation of(String date, String value) {
    return new Observation(LocalDate.parse(date), new BigDecimal(value));
  }
}
