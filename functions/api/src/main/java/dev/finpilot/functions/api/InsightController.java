package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.finpilot.functions.api.InsightSubjects.Loaded;
import dev.finpilot.functions.api.InsightSubjects.VersionBasis;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.insight.Change;
import dev.finpilot.insight.Explainer;
import dev.finpilot.insight.Explanation;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.Recommendation;
import dev.finpilot.insight.Recommender;
import dev.finpilot.insight.RiskAnalysis;
import dev.finpilot.insight.RiskReport;
import dev.finpilot.insight.StressReport;
import dev.finpilot.insight.StressTest;
import dev.finpilot.insight.WhatIf;
import dev.finpilot.insight.WhatIfAnswer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.List;

/**
 * Insight into one of the caller's plan versions: its explanation, a what-if, the historical stress
 * tests, its risk analytics, and the recommendations for the version in force. Each route loads the
 * version for its owner only ({@link InsightSubjects}) and answers the insight service's result as
 * is, beside the plan and version it is about. The routes that simulate draw on the tighter {@link
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

  /**
   * @param change what to change; {@code {}} changes nothing
   * @param paths simulated paths, 100 to 10,000; the version's own count when absent
   */
  record WhatIfRequest(Change change, Integer paths) {}

  record VersionExplanation(String planId, int version, Explanation explanation) {}

  record VersionWhatIf(String planId, int version, WhatIfAnswer whatIf) {}

  record VersionStressTests(String planId, int version, StressReport stressTests) {}

  record VersionRisk(String planId, int version, RiskReport risk) {}

  /** A recommendation and, when it changes the projection, the what-if call that shows how. */
  record Recommended(@JsonUnwrapped Recommendation recommendation, ApiCall whatIf) {}

  record PlanRecommendations(
      String planId, int version, VersionBasis versionBasis, List<Recommended> recommendations) {}

  @Get("/{planId}/versions/{version}/explanation")
  HttpResponse<String> explanation(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    PlanSubject subject = load(event, RateLimitPolicy.READ, planId, version);
    return Responses.json(
        HttpStatus.OK,
        new VersionExplanation(planId, subject.version(), Explainer.explain(subject)));
  }

  @Post(value = "/{planId}/versions/{version}/what-if", consumes = MediaType.ALL)
  HttpResponse<String> whatIf(
      HttpRequest<?> request,
      APIGatewayV2HTTPEvent event,
      @PathVariable String planId,
      @PathVariable String version) {
    PlanSubject subject = load(event, RateLimitPolicy.SIMULATION, planId, version);
    WhatIfRequest input =
        JsonBody.read(request, event, WhatIfRequest.class, JsonBody.SMALL_BODY_BYTES);
    int paths = input.paths() == null ? subject.projection().paths() : input.paths();
    WhatIfAnswer answer =
        ProblemException.unlessInvalid(
            "what-if", () -> WhatIf.answer(subject, input.change(), paths));
    return Responses.json(HttpStatus.OK, new VersionWhatIf(planId, subject.version(), answer));
  }

  @Get("/{planId}/versions/{version}/stress-tests")
  HttpResponse<String> stressTests(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    PlanSubject subject = load(event, RateLimitPolicy.SIMULATION, planId, version);
    return Responses.json(
        HttpStatus.OK, new VersionStressTests(planId, subject.version(), StressTest.run(subject)));
  }

  @Get("/{planId}/versions/{version}/risk")
  HttpResponse<String> risk(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    PlanSubject subject = load(event, RateLimitPolicy.SIMULATION, planId, version);
    return Responses.json(
        HttpStatus.OK, new VersionRisk(planId, subject.version(), RiskAnalysis.analyse(subject)));
  }

  @Get("/{planId}/recommendations")
  HttpResponse<String> recommendations(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    Loaded loaded = subjects.inForce(gate.enter(event, RateLimitPolicy.READ), planId);
    int version = loaded.subject().version();
    List<Recommended> recommended =
        Recommender.recommend(loaded.subject()).stream()
            .map(
                r ->
                    new Recommended(
                        r, r.tryIt() == null ? null : ApiCall.whatIf(planId, version, r.tryIt())))
            .toList();
    return Responses.json(
        HttpStatus.OK, new PlanRecommendations(planId, version, loaded.basis(), recommended));
  }

  private PlanSubject load(
      APIGatewayV2HTTPEvent event, RateLimitPolicy policy, String planId, String version) {
    return subjects.version(gate.enter(event, policy), planId, version);
  }
}
