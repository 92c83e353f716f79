package dev.finpilot.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors so a caller learns everything wrong with its input in one answer. */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  public Validation require(boolean condition, String field, String message) {
    if (!condition) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  public boolean notNull(Object value, String field) {
    require(value != null, field, "is required");
    return value != null;
  }

  public Validation nonNegative(Money value, String field) {
    if (notNull(value, field)) {
      require(
          !value.isNegative(),
          field,
          "must not be negative, was " + value.amount().toPlainString());
    }
    return this;
  }

  public Validation between(BigDecimal value, BigDecimal min, BigDecimal max, String field) {
    if (notNull(value, field)) {
      require(
          value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
          field,
          "must be between "
              + min.toPlainString()
              + " and "
              + max.toPlainString()
              + ", was "
              + value.toPlainString());
    }
    return this;
  }

  public Validation between(int value, int min, int max, String field) {
    return require(
        value >= min && value <= max,
        field,
        "must be between " + min + " and " + max + ", was " + value);
  }

  public void addAll(List<FieldError> more) {
    errors.addAll(more);
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
