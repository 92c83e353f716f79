package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading plans: the caller's list, and one plan through its versions, reasoning, history and
 * comparisons. Every route is scoped to the caller: another user's plan answers exactly like a plan
 * that does not exist (404), so not even its existence is revealed.
 */
@Controller(PlanRoutes.BASE)
final class PlanReadsController {
  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  private final PlanRepository plans;
  private final OwnedPlans owned;
  private final Gate gate;

  PlanReadsController(PlanRepository plans, OwnedPlans owned, Gate gate) {
    this.plans = plans;
    this.owned = owned;
    this.gate = gate;
  }

  record PlanSummary(
      String planId,
      PlanStatus status,
      String statusReason,
      int currentVersion,
      int goalCount,
      Instant createdAt,
      Instant updatedAt) {

    static PlanSummary of(PlanRecord p) {
      return new PlanSummary(
          p.planId(),
          p.status(),
          p.statusReason(),
          p.currentVersion(),
          p.request().goals() == null ? 0 : p.request().goals().size(),
          p.createdAt(),
          p.updatedAt());
    }
  }

  record PlanPage(List<PlanSummary> items, String nextCursor) {}

  record VersionTrace(String planId, int version, PlanReasoning trace) {}

  record History(
      String planId, PlanStatus status, Instant createdAt, List<PlanEvent> transitions) {}

  record Comparison(
      String planId,
      int from,
      int to,
      Double successProbabilityFrom,
      Double successProbabilityTo,
      List<JsonDiff.Change> changes,
      boolean truncated) {}

  @Get
  HttpResponse<String> list(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    int limit = QueryParameters.integer(request, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
    String cursor = Cursors.fromRequest(request, userId);
    PlanRepository.Page<PlanRecord> page = plans.listByUser(userId, limit, cursor);
    List<PlanSummary> items = page.items().stream().map(PlanSummary::of).toList();
    return Responses.json(
        HttpStatus.OK, new PlanPage(items, Cursors.next(userId, page.nextCursor())));
  }

  @Get("/{planId}")
  HttpResponse<String> find(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    PlanRecord plan = read(event, planId);
    int shown = shownVersion(plan);
    return Responses.json(
        HttpStatus.OK,
        PlanView.of(plan, shown > 0 ? owned.version(plan, shown) : Optional.empty()));
  }

  @Get("/{planId}/versions/{version}")
  HttpResponse<String> version(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    PlanRecord plan = read(event, planId);
    PlanVersion found = owned.requireVersion(plan, PlanRoutes.versionNumber(version));
    return Responses.json(HttpStatus.OK, PlanView.VersionView.of(found));
  }

  /** The reasoning of the current version, or of {@code ?version=}. */
  @Get("/{planId}/trace")
  HttpResponse<String> trace(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    PlanRecord plan = read(event, planId);
    int number =
        QueryParameters.integer(request, "version", 1, PlanRoutes.MAX_VERSION, shownVersion(plan));
    if (number == 0) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "the plan has no version yet, so no reasoning trace");
    }
    PlanVersion found = owned.requireVersion(plan, number);
    return Responses.json(
        HttpStatus.OK, new VersionTrace(plan.planId(), number, found.reasoning()));
  }

  @Get("/{planId}/history")
  HttpResponse<String> history(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    PlanRecord plan = read(event, planId);
    return Responses.json(
        HttpStatus.OK,
        new History(plan.planId(), plan.status(), plan.createdAt(), plans.history(plan.planId())));
  }

  @Get("/{planId}/compare")
  HttpResponse<String> compare(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    PlanRecord plan = read(event, planId);
    int from = QueryParameters.required(request, "from", 1, PlanRoutes.MAX_VERSION);
    int to = QueryParameters.required(request, "to", 1, PlanRoutes.MAX_VERSION);
    PlanVersion before = owned.requireVersion(plan, from);
    PlanVersion after = owned.requireVersion(plan, to);
    JsonDiff.Result diff = JsonDiff.between(comparable(before), comparable(after));
    return Responses.json(
        HttpStatus.OK,
        new Comparison(
            plan.planId(),
            from,
            to,
            before.plan() == null ? null : before.plan().successProbability(),
            after.plan() == null ? null : after.plan().successProbability(),
            diff.changes(),
            diff.truncated()));
  }

  /** The caller's plan, after taking one read from their rate limit. */
  private PlanRecord read(APIGatewayV2HTTPEvent event, String planId) {
    return owned.require(gate.enter(event, RateLimitPolicy.READ), planId);
  }

  /**
   * The version a plan is shown with: the one in force once the plan is ACTIVE (a declined or
   * failed proposal is not the plan), otherwise the one being worked on or awaiting approval.
   */
  private static int shownVersion(PlanRecord plan) {
    return plan.status() == PlanStatus.ACTIVE && plan.activeVersion() > 0
        ? plan.activeVersion()
        : plan.currentVersion();
  }

  /** What a comparison looks at: the plan, its projection and its verification. */
  private static JsonNode comparable(PlanVersion v) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.set("plan", Json.mapper().valueToTree(v.plan()));
    node.set("projection", Json.mapper().valueToTree(v.projection()));
    node.set("verification", Json.mapper().valueToTree(v.verification()));
    return node;
  }
}
