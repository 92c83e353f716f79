package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.RiskAnalysis;
import dev.finpilot.insight.RiskReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/**
 * Insight into one of the caller's plan versions. Each route loads the version for its owner only
 * ({@link InsightSubjects}) and answers the insight service's result as is, beside the plan and
 * version it is about. The routes that simulate draw on the tighter {@link
 * RateLimitPolicy#SIMULATION} bucket.
 */
@Controller(PlanRoutes.BASE)
final class InsightController {

  private final InsightSubjects subjects;
  private final Gate gate;

  InsightController(InsightSubjects subjects, Gate gate) {
    this.subjects = subjects;
    this.gate = gate;
  }

  record VersionRisk(String planId, int version, RiskReport risk) {}

  @Get("/{planId}/versions/{version}/risk")
  HttpResponse<String> risk(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    PlanSubject subject = load(event, RateLimitPolicy.SIMULATION, planId, version);
    return Responses.json(
        HttpStatus.OK, new VersionRisk(planId, subject.version(), RiskAnalysis.analyse(subject)));
  }

  private PlanSubject load(
      APIGatewayV2HTTPEvent event, RateLimitPolicy policy, String planId, String version) {
    return subjects.version(gate.enter(event, policy), planId, version);
  }
}
