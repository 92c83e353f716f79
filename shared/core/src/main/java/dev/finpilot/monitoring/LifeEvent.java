package dev.finpilot.monitoring;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A life event as the user reports it.
 *
 * @param id unique per report; it becomes the trigger id, so a report delivered twice is one
 *     trigger
 * @param incomeChangePercent for INCOME_CHANGE only: the signed change of gross income in percent
 * @param amount for WINDFALL and INHERITANCE the sum received; for MEDICAL_EMERGENCY, optionally,
 *     the expected out-of-pocket cost; absent for every other type
 */
public record LifeEvent(
    String id,
    LifeEventType type,
    Instant reportedAt,
    BigDecimal incomeChangePercent,
    Money amount) {

  private static final BigDecimal MIN_CHANGE = new BigDecimal("-100");
  private static final BigDecimal MAX_CHANGE = new BigDecimal("1000");

  public static LifeEvent of(String id, LifeEventType type, Instant reportedAt) {
    return new LifeEvent(id, type, reportedAt, null, null);
  }

  public static LifeEvent incomeChange(String id, Instant reportedAt, BigDecimal percent) {
    return new LifeEvent(id, LifeEventType.INCOME_CHANGE, reportedAt, percent, null);
  }

  public static LifeEvent withAmount(
      String id, LifeEventType type, Instant reportedAt, Money amount) {
    return new LifeEvent(id, type, reportedAt, null, amount);
  }

  public List<FieldError> validate() {
    Validation v = new Validation();
    v.require(id != null && !id.isBlank(), "id", "is required");
    v.notNull(reportedAt, "reportedAt");
    if (!v.notNull(type, "type")) {
      return v.errors();
    }
    if (type == LifeEventType.INCOME_CHANGE) {
      if (v.notNull(incomeChangePercent, "incomeChangePercent")) {
        v.between(incomeChangePercent, MIN_CHANGE, MAX_CHANGE, "incomeChangePercent");
        v.require(incomeChangePercent.signum() != 0, "incomeChangePercent", "must not be zero");
      }
    } else {
      v.require(
          incomeChangePercent == null, "incomeChangePercent", "applies only to INCOME_CHANGE");
    }
    switch (type) {
      case WINDFALL, INHERITANCE -> {
        if (v.notNull(amount, "amount")) {
          v.require(amount.isPositive(), "amount", "must be positive");
        }
      }
      case MEDICAL_EMERGENCY -> {
        if (amount != null) {
          v.nonNegative(amount, "amount");
        }
      }
      default ->
          v.require(
              amount == null,
              "amount",
              "applies only to WINDFALL, INHERITANCE and MEDICAL_EMERGENCY");
    }
    return v.errors();
  }
}
