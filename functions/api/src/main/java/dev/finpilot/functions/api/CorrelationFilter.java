package dev.finpilot.functions.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

/**
 * Gives every request its correlation id, in the logging context while it runs and in the {@code
 * x-correlation-id} response header, whatever the route and outcome (errors included).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CorrelationFilter {
  static final String MDC_KEY = "correlation_id";

  @RequestFilter
  void before(HttpRequest<?> request) {
    MDC.put(MDC_KEY, CorrelationId.of(request));
  }

  @ResponseFilter
  void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.header(CorrelationId.HEADER, CorrelationId.of(request));
    // Plans are personal financial data: no shared cache may keep them.
    response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    MDC.remove(MDC_KEY);
  }
}
