package dev.finpilot.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One dated value of a market series: a close, an index level, or a rate in percent. */
public record Observation(LocalDate date, BigDecimal value) {

  public Observation {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(value, "value");
  }

  public static Observation of(String date, String value) {
    return new Observation(LocalDate.parse(date), new BigDecimal(value));
  }
}
