package dev.finpilot.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One named fact behind a trigger, formatted for people and kept in a stable order. */
public record Evidence(String name, String value) {

  public Evidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  public static Evidence of(String name, Object value) {
    return new Evidence(name, String.valueOf(value));
  }

  public static Evidence of(String name, BigDecimal value) {
    return new Evidence(name, value.toPlainString());
  }

  /** A fraction shown as a percentage with two decimals, e.g. 0.2 as "20.00%". */
  public static Evidence percent(String name, BigDecimal fraction) {
    return new Evidence(
        name, fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%");
  }
}
