package dev.finpilot.domain;

import java.util.List;

/** Input that cannot be planned with; carries every field error found, not just the first. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder sb = new StringBuilder("invalid input:");
    for (FieldError e : errors) {
      sb.append(' ').append(e.field()).append(": ").append(e.message()).append(';');
    }
    return sb.toString();
  }
}
