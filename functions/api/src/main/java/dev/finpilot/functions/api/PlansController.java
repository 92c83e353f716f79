package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.functions.api.IdempotencyStore.StoredResponse;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.goals.GoalParser;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import dev.finpilot.workflow.PlanNotifier;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Plans: submit one, list them, and follow one through its versions, reasoning, history and
 * comparisons. Every route is scoped to the caller: another user's plan answers exactly like a plan
 * that does not exist (404), so not even its existence is revealed.
 */
@Controller(PlansController.BASE)
final class PlansController {
  static final String BASE = "/v1/plans";

  /** Bodies above this are refused with 413; a full household state is a few KiB. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;
  static final int MAX_VERSION = 9999;

  private final PlanSubmissions submissions;
  private static final int CANCEL_ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(PlansController.class);

  private final PlanRepository plans;
  private final OwnedPlans owned;
  private final IdempotentRequests idempotency;
  private final GoalParser goalParser;
  private final Gate gate;
  private final Clock clock;
  private final PlanNotifier notifier;

  PlansController(
      PlanSubmissions submissions,
      PlanRepository plans,
      OwnedPlans owned,
      IdempotentRequests idempotency,
      GoalParser goalParser,
      Gate gate,
      Clock clock,
      PlanNotifier notifier) {
    this.submissions = submissions;
    this.plans = plans;
    this.owned = owned;
    this.idempotency = idempotency;
    this.goalParser = goalParser;
    this.gate = gate;
    this.clock = clock;
    this.notifier = notifier;
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

  record Trace(String planId, int version, JsonNode trace) {}

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

  /**
   * The body is taken from the event rather than bound by Micronaut, so that the checks run in a
   * fixed order (identity, rate limit, content type, size, JSON, planning rules, idempotency) even
   * for an empty body.
   */
  @Post(consumes = MediaType.ALL)
  HttpResponse<String> create(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.PLAN_CREATION);
    String body = JsonBody.text(request, event, MAX_BODY_BYTES);
    CreatePlanRequest input = RequestBodies.read(body, CreatePlanRequest.class);
    LocalDate today = LocalDate.now(clock);
    GoalReading.Interpretation interpretation = null;
    if (input.goalText() != null) {
      if (input.goals() != null) {
        throw ProblemException.invalidField(
            ProblemType.VALIDATION_FAILED, "goalText", "send either goals or goalText, not both");
      }
      interpretation =
          GoalReading.read(goalParser, input.goalText(), "goalText", today, input.state());
      if (interpretation.planningGoals() == null) {
        throw new ProblemException(
            ProblemType.VALIDATION_FAILED,
            "the goals in goalText lack what the planner needs; say it in the text or send goals",
            interpretation.conversionErrors());
      }
      input = input.withGoals(interpretation.planningGoals());
    }
    PlanningRequest planning = input.toPlanningRequest(today);
    List<FieldError> errors = input.validate(planning);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          errors.size() + " field(s) of the planning request are invalid",
          errors);
    }
    String correlationId = Correlation.of(request);
    GoalReading.Interpretation reading = interpretation;
    IdempotentRequests.Result result =
        idempotency.run(
            userId,
            "POST " + BASE,
            request.getHeaders().get(IdempotentRequests.HEADER),
            Json.readTree(body),
            () -> {
              PlanRecord plan = submissions.submit(userId, planning, correlationId);
              String statusUrl = BASE + "/" + plan.planId();
              Accepted accepted =
                  new Accepted(plan.planId(), plan.status(), statusUrl, correlationId, reading);
              return new StoredResponse(
                  HttpStatus.ACCEPTED.getCode(), Json.write(accepted), statusUrl);
            });
    return result.toHttpResponse();
  }

  @Get
  HttpResponse<String> list(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    int limit = QueryParameters.integer(request, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
    String cursor =
        QueryParameters.text(request, Cursors.FIELD).map(c -> Cursors.open(userId, c)).orElse(null);
    PlanRepository.Page<PlanRecord> page;
    try {
      page = plans.listByUser(userId, limit, cursor);
    } catch (IllegalArgumentException e) {
      throw Cursors.invalid();
    } catch (DynamoDbException e) {
      if (e.statusCode() == 400) {
        // DynamoDB refused the start key: a cursor of the right user, but tampered with.
        throw Cursors.invalid();
      }
      throw e;
    }
    List<PlanSummary> items = page.items().stream().map(PlanSummary::of).toList();
    String next = page.nextCursor() == null ? null : Cursors.seal(userId, page.nextCursor());
    return Responses.json(HttpStatus.OK, new PlanPage(items, next));
  }

  @Get("/{planId}")
  HttpResponse<String> find(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    PlanRecord plan = owned.require(userId, planId);
    int shown = shownVersion(plan);
    return Responses.json(
        HttpStatus.OK,
        PlanView.of(plan, shown > 0 ? plans.findVersion(plan.planId(), shown) : Optional.empty()));
  }

  @Get("/{planId}/versions/{version}")
  HttpResponse<String> version(
      APIGatewayV2HTTPEvent event, @PathVariable String planId, @PathVariable String version) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    PlanRecord plan = owned.require(userId, planId);
    PlanVersion found = requireVersion(plan, versionNumber(version, "version"));
    return Responses.json(HttpStatus.OK, PlanView.VersionView.of(found));
  }

  /** The reasoning trace (nodes and edges) of the current version, or of {@code ?version=}. */
  @Get("/{planId}/trace")
  HttpResponse<String> trace(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    PlanRecord plan = owned.require(userId, planId);
    int number = QueryParameters.integer(request, "version", 1, MAX_VERSION, shownVersion(plan));
    if (number == 0) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "the plan has no version yet, so no reasoning trace");
    }
    PlanVersion found = requireVersion(plan, number);
    return Responses.json(HttpStatus.OK, new Trace(plan.planId(), number, found.reasoning()));
  }

  @Get("/{planId}/history")
  HttpResponse<String> history(APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    PlanRecord plan = owned.require(userId, planId);
    return Responses.json(
        HttpStatus.OK,
        new History(plan.planId(), plan.status(), plan.createdAt(), plans.history(plan.planId())));
  }

  @Get("/{planId}/compare")
  HttpResponse<String> compare(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    PlanRecord plan = owned.require(userId, planId);
    int from = QueryParameters.required(request, "from", 1, MAX_VERSION);
    int to = QueryParameters.required(request, "to", 1, MAX_VERSION);
    PlanVersion before = requireVersion(plan, from);
    PlanVersion after = requireVersion(plan, to);
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

  /**
   * Stops a plan that is still being worked on. The plan becomes CANCELLED (final): the workflow
   * ignores the agents' late answers and the execution agent posts nothing for it. Retried when the
   * workflow moves the plan between our read and our write.
   */
  @Post(value = "/{planId}/cancel", consumes = MediaType.ALL)
  HttpResponse<String> cancel(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, @PathVariable String planId) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    String correlationId = Correlation.of(request);
    for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
      PlanRecord plan = owned.require(userId, planId);
      requireRunning(plan);
      Transition cancel = Transition.cancel(plan, correlationId, clock.instant());
      if (plans.apply(cancel)) {
        notifyOwner(cancel);
        return Responses.json(HttpStatus.OK, PlanView.of(cancel.updated(), Optional.empty()));
      }
    }
    throw new ProblemException(
        ProblemType.CONFLICT, "the plan kept changing while it was being cancelled; try again");
  }

  /** As the workflow does for its transitions: a failed push never undoes the cancellation. */
  private void notifyOwner(Transition cancel) {
    try {
      notifier.planChanged(cancel.updated(), cancel.event());
    } catch (RuntimeException e) {
      LOG.warn("plan {} is CANCELLED but its owner was not notified", cancel.updated().planId(), e);
    }
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

  private static void requireRunning(PlanRecord plan) {
    if (plan.status().isFinal()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "the plan is already " + plan.status() + " and cannot change");
    }
    if (plan.underReview()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "the plan is being reviewed while version "
              + plan.activeVersion()
              + " stays in force; decline the proposed version instead of cancelling");
    }
  }

  private PlanVersion requireVersion(PlanRecord plan, int number) {
    return (number <= plan.currentVersion()
            ? plans.findVersion(plan.planId(), number)
            : Optional.<PlanVersion>empty())
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "the plan has no version " + number));
  }

  private static int versionNumber(String text, String field) {
    return QueryParameters.parse(text, field, 1, MAX_VERSION);
  }

  /** What a comparison looks at: the plan, its projection and its verification. */
  private static JsonNode comparable(PlanVersion v) {
    com.fasterxml.jackson.databind.node.ObjectNode node = Json.mapper().createObjectNode();
    node.set("plan", Json.mapper().valueToTree(v.plan()));
    node.set("projection", v.projection());
    node.set("verification", v.verification());
    return node;
  }
}
