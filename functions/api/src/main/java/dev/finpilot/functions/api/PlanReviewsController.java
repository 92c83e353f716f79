package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.FieldError;
import dev.finpilot.functions.api.IdempotencyStore.StoredResponse;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.LifeEventReview;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.workflow.PlanLifecycle;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The owner's part in the monitoring loop: report a life event against an ACTIVE plan, and approve
 * or decline the new version a review proposes. Each is checked here against the plan as it stands,
 * so a request that cannot apply answers 409 at once, then handed to the workflow, which makes the
 * change (and ignores it if the plan moved on in between). Hence 202, with where to watch.
 */
@Controller(PlanRoutes.BASE)
final class PlanReviewsController {

  private final OwnedPlans owned;
  private final IdempotentRequests idempotency;
  private final PlanLifecycle lifecycle;
  private final Gate gate;
  private final Clock clock;

  PlanReviewsController(
      OwnedPlans owned,
      IdempotentRequests idempotency,
      PlanLifecycle lifecycle,
      Gate gate,
      Clock clock) {
    this.owned = owned;
    this.idempotency = idempotency;
    this.lifecycle = lifecycle;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * @param stateRevised whether the plan will be reviewed on new numbers (the state sent, or the
   *     one the event determines); false means on the numbers it was made with
   * @param deferred whether a review in progress must end first
   */
  record LifeEventAccepted(
      String planId,
      String eventId,
      ReviewDecision review,
      boolean stateRevised,
      boolean deferred,
      String statusUrl,
      String correlationId) {}

  record DecisionAccepted(
      String planId, int version, String decision, String statusUrl, String correlationId) {}

  @Post(value = "/{planId}/life-events", consumes = MediaType.ALL)
  HttpResponse<String> lifeEvent(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    PlanRecord plan = owned.require(userId, planId);
    String body = JsonBody.text(request, event, PlanRoutes.MAX_BODY_BYTES);
    LifeEventReport report = RequestBodies.read(body, LifeEventReport.class);
    Instant now = clock.instant();
    LifeEvent lifeEvent = report.toLifeEvent(UUID.randomUUID().toString(), now);
    List<FieldError> errors = report.validate(lifeEvent);
    if (!errors.isEmpty()) {
      throw ProblemException.validationFailed("life event", errors);
    }
    String correlationId = CorrelationId.of(request);
    return idempotency
        .run(
            userId,
            "POST " + PlanRoutes.statusUrl(plan) + "/life-events",
            request.getHeaders().get(IdempotentRequests.HEADER),
            Json.readTree(body),
            () -> {
              requireReviewable(plan);
              LifeEventAccepted accepted = review(plan, lifeEvent, report, correlationId);
              return new StoredResponse(
                  HttpStatus.ACCEPTED.getCode(), Json.write(accepted), PlanRoutes.statusUrl(plan));
            })
        .toHttpResponse();
  }

  /**
   * Decides the review and hands the event to the workflow, which applies it to the plan's numbers
   * when it reviews it (at once, or after a review in progress).
   */
  private LifeEventAccepted review(
      PlanRecord plan, LifeEvent lifeEvent, LifeEventReport report, String correlationId) {
    LifeEventReview review =
        LifeEventReview.of(plan.planId(), lifeEvent, plan.request().state(), report.state());
    lifecycle.handOver(
        plan,
        MessageType.TRIGGER_RAISED,
        plan.currentVersion(),
        new Payloads.TriggerRaised(review.decision(), lifeEvent, report.state()),
        correlationId);
    return new LifeEventAccepted(
        plan.planId(),
        lifeEvent.id(),
        review.decision(),
        review.revisedState().isPresent(),
        plan.status() != PlanStatus.ACTIVE,
        PlanRoutes.statusUrl(plan),
        correlationId);
  }

  @Post(value = "/{planId}/versions/{version}/approve", consumes = MediaType.ALL)
  HttpResponse<String> approve(
      HttpRequest<?> request,
      APIGatewayV2HTTPEvent event,
      @PathVariable String planId,
      @PathVariable String version) {
    return decide(
        request,
        event,
        planId,
        version,
        MessageType.VERSION_APPROVED,
        new Payloads.VersionApproved());
  }

  @Post(value = "/{planId}/versions/{version}/reject", consumes = MediaType.ALL)
  HttpResponse<String> reject(
      HttpRequest<?> request,
      APIGatewayV2HTTPEvent event,
      @PathVariable String planId,
      @PathVariable String version) {
    return decide(
        request,
        event,
        planId,
        version,
        MessageType.VERSION_DECLINED,
        new Payloads.VersionDeclined());
  }

  private HttpResponse<String> decide(
      HttpRequest<?> request,
      APIGatewayV2HTTPEvent event,
      String planId,
      String version,
      MessageType decision,
      Object payload) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    PlanRecord plan = owned.require(userId, planId);
    int number = PlanRoutes.versionNumber(version);
    requireStatus(plan, PlanStatus.AWAITING_APPROVAL, "no version of this plan awaits approval");
    if (number != plan.currentVersion()) {
      throw new ProblemException(
          ProblemType.WORKFLOW_STEP_UNAVAILABLE,
          "version "
              + number
              + " does not await approval; version "
              + plan.currentVersion()
              + " does");
    }
    String correlationId = CorrelationId.of(request);
    lifecycle.handOver(plan, decision, number, payload, correlationId);
    return Responses.json(
            HttpStatus.ACCEPTED,
            new DecisionAccepted(
                plan.planId(),
                number,
                decision.wireName(),
                PlanRoutes.statusUrl(plan),
                correlationId))
        .header(HttpHeaders.LOCATION, PlanRoutes.statusUrl(plan));
  }

  /** The rule every owner-raised review follows: life events and edits alike. */
  static void requireReviewable(PlanRecord plan) {
    if (plan.status() != PlanStatus.ACTIVE && !plan.underReview()) {
      throw new ProblemException(
          ProblemType.WORKFLOW_STEP_UNAVAILABLE,
          "life events are reviewed once the plan is ACTIVE; this plan is " + plan.status());
    }
    if (plan.deferred().size() >= PlanRecord.MAX_DEFERRED) {
      throw new ProblemException(
          ProblemType.WORKFLOW_STEP_UNAVAILABLE,
          PlanRecord.MAX_DEFERRED
              + " reported events already wait for the review in progress; decide on the version"
              + " awaiting approval first");
    }
  }

  private static void requireStatus(PlanRecord plan, PlanStatus expected, String rule) {
    if (plan.status() != expected) {
      throw new ProblemException(
          ProblemType.WORKFLOW_STEP_UNAVAILABLE, rule + "; this plan is " + plan.status());
    }
  }
}
