package dev.finpilot.functions.api;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Query parameters read as text and checked here, so every mistake names the parameter. */
final class QueryParameters {
  private QueryParameters() {}

  static Optional<String> text(HttpRequest<?> request, String name) {
    return request.getParameters().getFirst(name).filter(v -> !v.isEmpty());
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  static int integer(HttpRequest<?> request, String name, int min, int max, int fallback) {
    Optional<String> value = text(request, name);
    return value.isEmpty() ? fallback : parse(value.get(), name, min, max);
  }

  static int required(HttpRequest<?> request, String name, int min, int max) {
    return parse(
        text(request, name)
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        ProblemType.INVALID_REQUEST, name, "is required")),
        name,
        min,
        max);
  }

  static int parse(String value, String name, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range number
    }
    throw ProblemException.invalidField(
        ProblemType.INVALID_REQUEST, name, "must be a whole number from " + min + " to " + max);
  }
}
