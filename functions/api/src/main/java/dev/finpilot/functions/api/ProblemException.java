package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Ends a request with a problem response; the message is the problem's {@code detail}. */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  ProblemException(ProblemType type, String detail, List<FieldError> errors) {
    this(type, detail, errors, Map.of());
  }

  private ProblemException(
      ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** A problem the client may retry after {@code wait} ({@code Retry-After}, whole seconds). */
  static ProblemException retryLater(ProblemType type, String detail, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new ProblemException(
        type, detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
  }

  /** Every invalid field of {@code what} (422), named. */
  static ProblemException validationFailed(String what, List<FieldError> errors) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        errors.size() + " field(s) of the " + what + " are invalid",
        errors);
  }

  /** What {@code call} answers; its {@link ValidationException} is a 422 naming the fields. */
  static <T> T unlessInvalid(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (ValidationException e) {
      throw validationFailed(what, e.errors());
    }
  }

  /** One invalid input field, named. */
  static ProblemException invalidField(ProblemType type, String field, String message) {
    return new ProblemException(
        type, field + ": " + message, List.of(new FieldError(field, message)));
  }

  ProblemType type() {
    return type;
  }

  List<FieldError> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
