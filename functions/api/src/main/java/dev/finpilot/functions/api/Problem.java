package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), extended with the request's
 * correlation id and, for invalid input, every field error found.
 */
record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String correlationId,
    List<FieldError> errors) {

  static Problem of(
      ProblemType type,
      String detail,
      List<FieldError> errors,
      String instance,
      String correlationId) {
    return new Problem(
        type.uri(),
        type.title(),
        type.status(),
        detail,
        instance,
        correlationId,
        errors.isEmpty() ? null : List.copyOf(errors));
  }
}
