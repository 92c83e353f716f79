package dev.finpilot.verification;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a finding measured: the plan's or household's value against the limit it was held to, in one
 * unit. A replanner can aim for {@code limit} directly.
 */
public record Evidence(String measure, BigDecimal actual, BigDecimal limit, Unit unit) {

  /** The unit both values are expressed in. */
  public enum Unit {
    USD,
    USD_PER_YEAR,
    USD_PER_MONTH,
    /** A fraction: 0.36 is 36%. */
    RATIO,
    MONTHS,
    YEARS,
    COUNT
  }

  public Evidence {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(unit, "unit");
  }
}
