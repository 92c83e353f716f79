package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.functions.api.IdempotencyStore.StoredResponse;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.goals.GoalParser;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.workflow.PlanLifecycle;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Submitting a plan and cancelling one: the request is checked here, the change is the {@link
 * PlanLifecycle}'s. Every route is scoped to the caller: another user's plan answers exactly like a
 * plan that does not exist (404).
 */
@Controller(PlanRoutes.BASE)
final class PlanCommandsController {

  private final PlanLifecycle lifecycle;
  private final OwnedPlans owned;
  private final IdempotentRequests idempotency;
  private final GoalParser goalParser;
  private final Gate gate;
  private final Accounts accounts;
  private final Clock clock;

  PlanCommandsController(
      PlanLifecycle lifecycle,
      OwnedPlans owned,
      IdempotentRequests idempotency,
      GoalParser goalParser,
      Gate gate,
      Accounts accounts,
      Clock clock) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.owned = owned;
    this.idempotency = idempotency;
    this.goalParser = goalParser;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * Accepted plans are worked on asynchronously; the answer says where to watch them, and, for
   * goals given in words, how they were read.
   */
  record Accepted(
      String planId,
      PlanStatus status,
      String statusUrl,
      String correlationId,
      GoalReading.Interpretation interpretation) {}

  /**
   * The body is taken from the event rather than bound by Micronaut, so that the checks run in a
   * fixed order (identity, rate limit, the caller's account, content type, size, JSON, planning
   * rules, idempotency) even for an empty body. The authorizer has already refused a token whose
   * account does not exist; the account is read again here because a plan goes on to execute ledger
   * postings, which nobody's plan may do.
   */
  @Post(consumes = MediaType.ALL)
  HttpResponse<String> create(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.PLAN_CREATION);
    if (accounts.find(userId).isEmpty()) {
      throw new ProblemException(
          ProblemType.UNAUTHENTICATED, "the account of this access token does not exist");
    }
    String body = JsonBody.text(request, event, PlanRoutes.MAX_BODY_BYTES);
    CreatePlanRequest input = RequestBodies.read(body, CreatePlanRequest.class);
    LocalDate today = LocalDate.now(clock);
    GoalReading.Interpretation interpretation = null;
    if (input.goalText() != null) {
      interpretation = read(input, today);
      input = input.withGoals(interpretation.planningGoals());
    }
    PlanningRequest planning = input.toPlanningRequest(today);
    List<FieldError> errors = input.validate(planning);
    if (!errors.isEmpty()) {
      throw ProblemException.validationFailed("planning request", errors);
    }
    String correlationId = CorrelationId.of(request);
    GoalReading.Interpretation reading = interpretation;
    return idempotency
        .run(
            userId,
            "POST " + PlanRoutes.BASE,
            request.getHeaders().get(IdempotentRequests.HEADER),
            Json.readTree(body),
            () -> {
              PlanRecord plan = lifecycle.submit(userId, planning, correlationId);
              String statusUrl = PlanRoutes.statusUrl(plan);
              Accepted accepted =
                  new Accepted(plan.planId(), plan.status(), statusUrl, correlationId, reading);
              return new StoredResponse(
                  HttpStatus.ACCEPTED.getCode(), Json.write(accepted), statusUrl);
            })
        .toHttpResponse();
  }

  /** The goals given in words, read into goals the planner can use. */
  private GoalReading.Interpretation read(CreatePlanRequest input, LocalDate today) {
    if (input.goals() != null) {
      throw ProblemException.invalidField(
          ProblemType.VALIDATION_FAILED, "goalText", "send either goals or goalText, not both");
    }
    GoalReading.Interpretation interpretation =
        GoalReading.read(goalParser, input.goalText(), "goalText", today, input.state());
    if (interpretation.planningGoals() == null) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          "the goals in goalText lack what the planner needs; say it in the text or send goals",
          interpretation.conversionErrors());
    }
    return interpretation;
  }

  /** Stops a plan that is still being worked on; it answers with the CANCELLED plan. */
  @Post(value = "/{planId}/cancel", consumes = MediaType.ALL)
  HttpResponse<String> cancel(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    PlanRecord cancelled =
        lifecycle.cancel(owned.require(userId, planId), CorrelationId.of(request));
    return Responses.json(HttpStatus.OK, PlanView.of(cancelled, Optional.empty()));
  }
}
