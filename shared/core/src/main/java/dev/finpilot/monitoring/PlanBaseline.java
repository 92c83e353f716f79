package dev.finpilot.monitoring;

import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The level of a plan's reference index when the plan was made (or last re-verified). Drawdowns are
 * measured from here because the plan's projections started from this level, not from the market's
 * all-time high.
 */
public record PlanBaseline(String planId, String series, LocalDate date, BigDecimal value) {

  public PlanBaseline {
    Validation v = new Validation();
    v.require(planId != null && !planId.isBlank(), "baseline.planId", "is required");
    v.require(series != null && !series.isBlank(), "baseline.series", "is required");
    v.notNull(date, "baseline.date");
    if (v.notNull(value, "baseline.value")) {
      v.require(value.signum() > 0, "baseline.value", "must be positive, was " + value);
    }
    v.throwIfInvalid();
  }
}
