package dev.finpilot.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One named fact behind a trigger, formatted for people and kept in a stable order. */
public record TriggerEvidence(String name, String value) {

  public TriggerEvidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  public static TriggerEvidence of(String name, Object value) {
    return new TriggerEvidence(name, String.valueOf(value));
  }

  public static TriggerEvidence of(String name, BigDecimal value) {
    return new TriggerEvidence(name, value.toPlainString());
  }

  /** A fraction shown as a percentage with two decimals, e.g. 0.2 as "20.00%". */
  public static TriggerEvidence percent(String name, BigDecimal fraction) {
    return new TriggerEvidence(
        name, fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%");
  }
}
