package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.FieldError;
import dev.finpilot.functions.api.IdempotencyStore.StoredResponse;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.Approval;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.workflow.PlanLifecycle;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code PATCH /v1/plans/{planId}}: the owner changes a plan's goals or household. The plan is
 * replanned on the new numbers as a new version, under the rules of a life event: only an ACTIVE
 * plan (or one under review, after which the edit is reviewed) takes it, and the new version
 * replaces the one in force only once its owner approves it.
 */
@Controller(PlanRoutes.BASE)
final class PlanEditsController {
  /** How soon an edit is replanned: an owner waiting on it, not a market deadline. */
  static final Duration ACT_WITHIN = Duration.ofHours(1);

  private final OwnedPlans owned;
  private final IdempotentRequests idempotency;
  private final PlanLifecycle lifecycle;
  private final Gate gate;
  private final Clock clock;

  PlanEditsController(
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
   * @param editId the edit's id, by which the plan's history and a redelivered message know it
   * @param deferred whether a review in progress must end first
   */
  record EditAccepted(
      String planId, String editId, boolean deferred, String statusUrl, String correlationId) {}

  @Patch(value = "/{planId}", consumes = MediaType.ALL)
  HttpResponse<String> edit(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    PlanRecord plan = owned.require(userId, planId);
    String body = JsonBody.text(request, event, PlanRoutes.MAX_BODY_BYTES);
    PlanEditRequest input = RequestBodies.read(body, PlanEditRequest.class);
    List<FieldError> errors = input.validate(plan.request(), LocalDate.now(clock));
    if (!errors.isEmpty()) {
      throw ProblemException.validationFailed("plan edit", errors);
    }
    String correlationId = CorrelationId.of(request);
    return idempotency
        .run(
            userId,
            "PATCH " + PlanRoutes.statusUrl(plan),
            request.getHeaders().get(IdempotentRequests.HEADER),
            Json.readTree(body),
            () -> {
              PlanReviewsController.requireReviewable(plan);
              EditAccepted accepted = handOver(plan, input.toEdit(), correlationId);
              return new StoredResponse(
                  HttpStatus.ACCEPTED.getCode(), Json.write(accepted), PlanRoutes.statusUrl(plan));
            })
        .toHttpResponse();
  }

  private EditAccepted handOver(PlanRecord plan, Payloads.PlanEdit edit, String correlationId) {
    String editId = "edit-" + UUID.randomUUID();
    ReviewDecision decision =
        new ReviewDecision(
            editId,
            plan.planId(),
            TriggerSeverity.MEDIUM,
            ReviewAction.REPLAN,
            Approval.USER_APPROVAL,
            false,
            clock.instant().plus(ACT_WITHIN),
            List.of(edit.describe()));
    lifecycle.handOver(
        plan,
        MessageType.TRIGGER_RAISED,
        plan.currentVersion(),
        Payloads.TriggerRaised.edited(decision, edit),
        correlationId);
    return new EditAccepted(
        plan.planId(),
        editId,
        plan.status() != PlanStatus.ACTIVE,
        PlanRoutes.statusUrl(plan),
        correlationId);
  }
}
