package dev.finpilot.monitoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lower bounds of each severity for one measured magnitude. A magnitude at or above a bound has
 * that severity (bounds are inclusive); below the lowest bound there is no event. Severities
 * without a bound are skipped, e.g. drawdowns start at MEDIUM.
 */
public record SeverityBands(Map<TriggerSeverity, BigDecimal> lowerBounds) {

  public SeverityBands {
    if (lowerBounds == null || lowerBounds.isEmpty()) {
      throw new IllegalArgumentException("at least one severity needs a lower bound");
    }
    Map<TriggerSeverity, BigDecimal> sorted = new EnumMap<>(lowerBounds);
    BigDecimal previous = null;
    for (Map.Entry<TriggerSeverity, BigDecimal> e : sorted.entrySet()) {
      if (e.getValue().signum() <= 0
          || (previous != null && e.getValue().compareTo(previous) <= 0)) {
        throw new IllegalArgumentException(
            "bounds must be positive and rise with severity, "
                + e.getKey()
                + " has "
                + e.getValue());
      }
      previous = e.getValue();
    }
    lowerBounds = Collections.unmodifiableMap(sorted);
  }

  public Optional<TriggerSeverity> classify(BigDecimal magnitude) {
    TriggerSeverity found = null;
    for (Map.Entry<TriggerSeverity, BigDecimal> e : lowerBounds.entrySet()) {
      if (magnitude.compareTo(e.getValue()) >= 0) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The bound a severity starts at; for messages that cite the band. */
  public BigDecimal lowerBound(TriggerSeverity severity) {
    BigDecimal bound = lowerBounds.get(severity);
    if (bound == null) {
      throw new IllegalArgumentException("no band for " + severity);
    }
    return bound;
  }
}
