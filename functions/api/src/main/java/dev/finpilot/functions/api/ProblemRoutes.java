package dev.finpilot.functions.api;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.plans.PlanConflictException;
import dev.finpilot.workflow.PlanLifecycle;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every failure into an RFC 9457 problem: the router's own 404, 405 and 406, the API's {@link
 * ProblemException}s, the refusals of the {@link PlanLifecycle} (a {@link PlanConflictException}, a
 * workflow queue that is down), and anything unexpected, which is logged in full but answered with
 * a bare 500 (no stack trace, no internal names).
 */
@Controller
final class ProblemRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemRoutes.class);

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<String> notFound(HttpRequest<?> request) {
    return Responses.problem(
        request, ProblemType.NOT_FOUND, "there is no resource at this path", List.of());
  }

  @Error(global = true, exception = NotAllowedException.class)
  HttpResponse<String> methodNotAllowed(HttpRequest<?> request, NotAllowedException e) {
    return Responses.problem(
            request,
            ProblemType.METHOD_NOT_ALLOWED,
            request.getMethodName() + " is not supported on " + request.getPath(),
            List.of())
        .header(HttpHeaders.ALLOW, String.join(", ", new TreeSet<>(e.getAllowedMethods())));
  }

  @Error(global = true, exception = ProblemException.class)
  HttpResponse<String> problem(HttpRequest<?> request, ProblemException e) {
    return Responses.problem(request, e);
  }

  @Error(global = true, exception = PlanConflictException.class)
  HttpResponse<String> conflict(HttpRequest<?> request, PlanConflictException e) {
    return Responses.problem(request, ProblemType.CONFLICT, e.getMessage(), List.of());
  }

  /**
   * A cursor sealed for its caller but not in the store's form: made up by someone with the seal.
   */
  @Error(global = true, exception = InvalidCursorException.class)
  HttpResponse<String> invalidCursor(HttpRequest<?> request, InvalidCursorException e) {
    return Responses.problem(request, Cursors.invalid());
  }

  @Error(global = true, exception = PlanLifecycle.NotQueuedException.class)
  HttpResponse<String> notQueued(HttpRequest<?> request, PlanLifecycle.NotQueuedException e) {
    return Responses.problem(request, ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
  }

  @Error(global = true, exception = SdkException.class)
  HttpResponse<String> dependencyDown(HttpRequest<?> request, SdkException e) {
    LOG.error("AWS call failed on {} {}", request.getMethodName(), request.getPath(), e);
    return Responses.problem(
        request,
        ProblemType.SERVICE_UNAVAILABLE,
        "a backing service did not answer; retry later",
        List.of());
  }

  @Error(global = true, exception = Throwable.class)
  HttpResponse<String> unexpected(HttpRequest<?> request, Throwable e) {
    if (e instanceof HttpStatusException s && s.getStatus().getCode() < 500) {
      ProblemType type = ProblemType.forStatus(s.getStatus().getCode());
      return Responses.problem(request, type, type.title(), List.of());
    }
    LOG.error("unexpected failure on {} {}", request.getMethodName(), request.getPath(), e);
    return Responses.problem(
        request,
        ProblemType.INTERNAL_ERROR,
        "the request failed unexpectedly; quote the correlation id when reporting it",
        List.of());
  }
}
