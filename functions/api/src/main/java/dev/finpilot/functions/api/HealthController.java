package dev.finpilot.functions.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /health}: 200 when DynamoDB and every queue answer, 503 otherwise. Queue depths are
 * included so an operator sees a backlog or dead letters at a glance. No caller identity needed.
 */
@Controller("/health")
final class HealthController {
  private final HealthProbe probe;

  HealthController(HealthProbe probe) {
    this.probe = probe;
  }

  record Health(String status, HealthReport checks) {}

  @Get
  HttpResponse<String> health() {
    HealthReport report = probe.check();
    return report.healthy()
        ? Responses.json(HttpStatus.OK, new Health("ok", report))
        : Responses.json(HttpStatus.SERVICE_UNAVAILABLE, new Health("unavailable", report));
  }
}
