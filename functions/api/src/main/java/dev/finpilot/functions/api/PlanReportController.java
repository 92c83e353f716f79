package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.functions.api.report.PlanReport;
import dev.finpilot.functions.api.report.PlanReportPage;
import dev.finpilot.functions.api.report.PlanReports;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanVersion;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code GET /v1/plans/{planId}/report[?version=n]}: one version of the caller's plan (the version
 * in force by default, else the newest) as a report, one self-contained HTML page when asked with
 * {@code Accept: text/html}, otherwise the JSON of the figures that page shows.
 */
@Controller(PlanRoutes.BASE)
final class PlanReportController {
  private final PlanRepository plans;
  private final OwnedPlans owned;
  private final InsightSubjects subjects;
  private final Gate gate;

  PlanReportController(
      PlanRepository plans, OwnedPlans owned, InsightSubjects subjects, Gate gate) {
    this.plans = plans;
    this.owned = owned;
    this.subjects = subjects;
    this.gate = gate;
  }

  @Get(
      value = "/{planId}/report",
      produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  HttpResponse<String> report(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    PlanRecord plan = owned.require(gate.enter(event, RateLimitPolicy.READ), planId);
    int asked = QueryParameters.integer(request, "version", 1, PlanRoutes.MAX_VERSION, 0);
    PlanVersion shown =
        asked == 0 ? subjects.versionInForce(plan) : owned.requireVersion(plan, asked);
    List<PlanVersion> versions =
        IntStream.rangeClosed(1, plan.currentVersion())
            .mapToObj(n -> owned.version(plan, n))
            .flatMap(Optional::stream)
            .toList();
    PlanReport report = PlanReports.of(plan, shown, versions, plans.history(plan.planId()));
    if (!wantsHtml(request)) {
      return Responses.json(HttpStatus.OK, report);
    }
    return HttpResponse.<String>status(HttpStatus.OK)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Content-Security-Policy", PlanReportPage.CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .body(PlanReportPage.render(report));
  }

  private static boolean wantsHtml(HttpRequest<?> request) {
    return request.getHeaders().accept().stream()
        .anyMatch(t -> MediaType.TEXT_HTML.equals(t.getName()));
  }
}
