package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Submitting a planning request and following the plan it becomes. */
@Controller(PlansController.BASE)
final class PlansController {
  static final String BASE = "/v1/plans";
  static final String JSON = MediaType.APPLICATION_JSON;

  /** Bodies above this are refused with 413; a full household state is a few KiB. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final PlanSubmissions submissions;
  private final PlanRepository plans;
  private final Clock clock;

  PlansController(PlanSubmissions submissions, PlanRepository plans, Clock clock) {
    this.submissions = submissions;
    this.plans = plans;
    this.clock = clock;
  }

  /** Accepted plans are worked on asynchronously; the answer says where to watch them. */
  record Accepted(String planId, PlanStatus status, String statusUrl, String correlationId) {}

  /**
   * The body is taken from the event rather than bound by Micronaut, so that the checks run in a
   * fixed order (identity, content type, size, JSON, planning rules) even for an empty body.
   */
  @Post(consumes = MediaType.ALL)
  HttpResponse<String> create(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = Caller.require(event);
    requireJson(request);
    String body = text(event);
    requireWithinLimit(body);
    CreatePlanRequest input = RequestBodies.read(body, CreatePlanRequest.class);
    PlanningRequest planning = input.toPlanningRequest(LocalDate.now(clock));
    List<FieldError> errors = input.validate(planning);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          errors.size() + " field(s) of the planning request are invalid",
          errors);
    }
    String correlationId = Correlation.of(request);
    PlanRecord plan = submissions.submit(userId, planning, correlationId);
    String statusUrl = BASE + "/" + plan.planId();
    return Responses.json(
            HttpStatus.ACCEPTED,
            new Accepted(plan.planId(), plan.status(), statusUrl, correlationId))
        .header(HttpHeaders.LOCATION, statusUrl);
  }

  @Get("/{planId}")
  HttpResponse<String> find(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = Caller.require(event);
    // Someone else's plan answers exactly like a missing one: existence is not revealed.
    PlanRecord plan =
        plans
            .find(canonicalPlanId(planId))
            .filter(p -> p.userId().equals(userId))
            .orElseThrow(PlansController::notFound);
    return Responses.json(
        HttpStatus.OK,
        PlanView.of(
            plan,
            plan.currentVersion() > 0
                ? plans.findVersion(plan.planId(), plan.currentVersion())
                : Optional.empty()));
  }

  private static void requireJson(HttpRequest<?> request) {
    boolean json = request.getContentType().map(t -> JSON.equals(t.getName())).orElse(false);
    if (!json) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "send the body as " + JSON + " (Content-Type header)");
    }
  }

  private static @Nullable String text(APIGatewayV2HTTPEvent event) {
    if (event.getBody() == null || !event.getIsBase64Encoded()) {
      return event.getBody();
    }
    try {
      return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body is not base64");
    }
  }

  private static void requireWithinLimit(@Nullable String body) {
    if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "the request body exceeds " + MAX_BODY_BYTES + " bytes (64 KiB)");
    }
  }

  /** Plan ids are UUIDs in canonical form; anything else cannot name a plan. */
  private static String canonicalPlanId(String planId) {
    try {
      String canonical = UUID.fromString(planId).toString();
      if (canonical.equals(planId)) {
        return canonical;
      }
    } catch (IllegalArgumentException e) {
      // not a UUID: same answer as an unknown plan
    }
    throw notFound();
  }

  private static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "no such plan");
  }
}
