package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import dev.finpilot.messaging.Json;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Response bodies written with FinPilot's JSON mapping, so the API and the queues agree. */
final class Responses {
  static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

  private Responses() {}

  static MutableHttpResponse<String> json(HttpStatus status, Object body) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(Json.write(body));
  }

  static MutableHttpResponse<String> problem(HttpRequest<?> request, ProblemException e) {
    MutableHttpResponse<String> response = problem(request, e.type(), e.getMessage(), e.errors());
    e.headers().forEach(response::header);
    return response;
  }

  static MutableHttpResponse<String> problem(
      HttpRequest<?> request, ProblemType type, String detail, List<FieldError> errors) {
    Problem body = Problem.of(type, detail, errors, request.getPath(), CorrelationId.of(request));
    return HttpResponse.<String>status(HttpStatus.valueOf(type.status()))
        .contentType(PROBLEM_JSON)
        .body(Json.write(body));
  }
}
