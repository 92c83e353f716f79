package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.workflow.PlanLifecycle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreatePlanTest extends HandlerHarness {

  static APIGatewayV2HTTPEvent createPlan() {
    return ApiEvents.load("create-plan.json");
  }

  static APIGatewayV2HTTPEvent withBody(Consumer<ObjectNode> edit) {
    APIGatewayV2HTTPEvent event = createPlan();
    ObjectNode body = (ObjectNode) Json.readTree(event.getBody());
    edit.accept(body);
    event.setBody(Json.write(body));
    return event;
  }

  static ObjectNode state(ObjectNode body) {
    return (ObjectNode) body.get("state");
  }

  @Test
  void aValidRequestIsStoredQueuedAndAccepted() {
    APIGatewayV2HTTPEvent event = createPlan();
    String correlationId = ApiEvents.header(event, CorrelationId.HEADER);

    APIGatewayV2HTTPResponse response = call(event);

    assertThat(response.getStatusCode()).isEqualTo(202);
    JsonNode accepted = body(response);
    String planId = accepted.path("planId").asText();
    assertThat(accepted.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(accepted.path("statusUrl").asText()).isEqualTo("/v1/plans/" + planId);
    assertThat(accepted.path("correlationId").asText()).isEqualTo(correlationId);
    assertThat(response.getHeaders())
        .containsEntry("Location", "/v1/plans/" + planId)
        .containsEntry(CorrelationId.HEADER, correlationId)
        .containsEntry("Content-Type", "application/json");

    PlanRecord stored = plans.find(planId).orElseThrow();
    assertThat(stored.userId()).isEqualTo(USER);
    assertThat(stored.status()).isEqualTo(PlanStatus.RECEIVED);
    assertThat(stored.correlationId()).isEqualTo(correlationId);
    assertThat(stored.createdAt()).isEqualTo(NOW);
    assertThat(stored.request().asOf()).isEqualTo(TODAY);
    assertThat(stored.request().taxYear()).isEqualTo(2026);
    assertThat(stored.request().goals()).hasSize(2);
    assertThat(stored.request().state().accounts()).hasSize(4);
    assertThat(stored.request().assumptions()).isEqualTo(AssumptionBasis.CURRENT_MARKET);

    assertThat(bus.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.envelope().type()).isEqualTo(MessageType.PLAN_SUBMITTED);
              assertThat(sent.envelope().planId()).isEqualTo(planId);
              assertThat(sent.envelope().userId()).isEqualTo(USER);
              assertThat(sent.envelope().createdAt()).isEqualTo(NOW);
              assertThat(sent.origin().correlationId()).isEqualTo(correlationId);
              assertThat(sent.origin().causationId()).isNull();
            });
  }

  @Test
  void aRequestMayAskForTheHistoricalAssumptions() {
    APIGatewayV2HTTPResponse response = call(withBody(b -> b.put("assumptions", "historical")));

    assertThat(response.getStatusCode()).isEqualTo(202);
    PlanRecord stored = plans.find(body(response).path("planId").asText()).orElseThrow();
    assertThat(stored.request().assumptions()).isEqualTo(AssumptionBasis.HISTORICAL);
  }

  @Test
  void assumptionsOtherThanTheTwoBasesAreRefusedNamingTheChoices() {
    APIGatewayV2HTTPResponse response = call(withBody(b -> b.put("assumptions", "optimistic")));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).path("detail").asText())
        .isEqualTo("assumptions: must be one of [historical, current-market]");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void withoutAnIdempotencyKeyEachSubmissionIsANewPlan() {
    APIGatewayV2HTTPEvent once = createPlan();
    once.getHeaders().remove("idempotency-key");
    APIGatewayV2HTTPEvent twice = createPlan();
    twice.getHeaders().remove("idempotency-key");

    String first = body(call(once)).path("planId").asText();
    String second = body(call(twice)).path("planId").asText();

    assertThat(first).isNotEqualTo(second);
    assertThat(bus.sent()).hasSize(2);
  }

  @Test
  void aJsonContentTypeWithCharsetAndABase64BodyAreAccepted() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.getHeaders().put("content-type", "application/json; charset=utf-8");
    event.setBody(
        Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);

    assertThat(call(event).getStatusCode()).isEqualTo(202);
  }

  @Test
  void withoutAnAuthorizerContextTheCallerIsUnauthenticated() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.load("create-plan-unauthenticated.json"));

    problem(response, 401, "unauthenticated");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void identityIsNeverTakenFromHeadersOrTheBody() {
    APIGatewayV2HTTPEvent event = ApiEvents.load("create-plan-unauthenticated.json");
    event.getHeaders().put("x-user-id", USER);
    event.getHeaders().put("userid", USER);
    ObjectNode body = (ObjectNode) Json.readTree(event.getBody());
    body.put("userId", USER);
    event.setBody(Json.write(body));

    problem(call(event), 401, "unauthenticated");
    assertThat(bus.sent()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "has space", "user\nid"})
  void aBlankOrMalformedUserIdIsUnauthenticated(String userId) {
    problem(call(ApiEvents.asUser(createPlan(), userId)), 401, "unauthenticated");
  }

  @Test
  void aNonTextUserIdIsUnauthenticated() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.getRequestContext().getAuthorizer().setLambda(Map.of(Caller.USER_ID, 42));

    problem(call(event), 401, "unauthenticated");
  }

  @Test
  void malformedJsonIsABadRequest() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody("{\"state\": {\"age\": 35,}");

    JsonNode problem = problem(call(event), 400, "invalid-request");

    assertThat(problem.path("detail").asText()).contains("not valid JSON").contains("line 1");
    assertThat(bus.sent()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"plan\"", "null", "42"})
  void aBodyThatIsNotAnObjectIsABadRequest(String body) {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody(body);

    assertThat(problem(call(event), 400, "invalid-request").path("detail").asText())
        .contains("JSON object");
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody(null);

    assertThat(problem(call(event), 400, "invalid-request").path("detail").asText())
        .contains("empty");
  }

  @Test
  void anEmptyBodyFromAnUnauthenticatedCallerIsStillUnauthenticated() {
    APIGatewayV2HTTPEvent event = ApiEvents.load("create-plan-unauthenticated.json");
    event.setBody(null);

    problem(call(event), 401, "unauthenticated");
  }

  @Test
  void aBodyMarkedBase64ThatIsNotIsABadRequest() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setIsBase64Encoded(true);
    event.setBody("{not base64}");

    assertThat(problem(call(event), 400, "invalid-request").path("detail").asText())
        .contains("base64");
  }

  @Test
  void aBlankBodyIsABadRequest() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody("  ");

    assertThat(problem(call(event), 400, "invalid-request").path("detail").asText())
        .contains("empty");
  }

  @Test
  void trailingContentAfterTheObjectIsABadRequest() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody(event.getBody() + " {}");

    problem(call(event), 400, "invalid-request");
  }

  @Test
  void anUnknownFieldIsNamed() {
    JsonNode problem =
        problem(
            call(withBody(b -> state(b).put("favouriteColour", "green"))), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("state.favouriteColour");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("not a known");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void anUnknownTopLevelFieldIsNamed() {
    JsonNode problem =
        problem(call(withBody(b -> b.put("asOf", "2020-01-01"))), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("asOf");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody(event.getBody().replace("\"taxYear\":2026", "\"taxYear\":2026,\"taxYear\":2025"));

    assertThat(problem(call(event), 400, "invalid-request").path("detail").asText())
        .contains("taxYear");
  }

  @Test
  void aWrongTypeIsNamedWithTheExpectedType() {
    JsonNode problem =
        problem(call(withBody(b -> state(b).put("age", "thirty"))), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("state.age");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("must be a whole number");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/state/accounts/0 | id         | {}          | state.accounts[0].id       | must be a string",
        "/state/debts/0    | apr        | true        | state.debts[0].apr         | must be a number",
        "/state            | accounts   | {}          | state.accounts             | must be an array",
        "/state            | expenses   | []          | state.expenses             | must be an object",
        "/goals/0          | priority   | \"first\" | goals[0].priority          | must be a whole number",
      })
  void aValueOfTheWrongShapeIsNamedWithWhatWasExpected(
      String parent, String name, String value, String field, String message) {
    JsonNode problem =
        problem(
            call(withBody(b -> ((ObjectNode) b.at(parent)).set(name, Json.readTree(value)))),
            400,
            "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo(message);
  }

  @Test
  void aFractionIsNotAWholeNumber() {
    JsonNode problem =
        problem(call(withBody(b -> state(b).put("age", 35.5))), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("state.age");
  }

  @Test
  void anUnknownEnumValueListsTheAllowedOnes() {
    JsonNode problem =
        problem(
            call(withBody(b -> state(b).put("filingStatus", "single"))), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("state.filingStatus");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .contains("one of")
        .contains("SINGLE");
  }

  @Test
  void aBadDateIsNamed() {
    JsonNode problem =
        problem(
            call(
                withBody(
                    b -> ((ObjectNode) b.get("goals").get(0)).put("targetDate", "2051-13-45"))),
            400,
            "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("goals[0].targetDate");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("YYYY-MM-DD");
  }

  @Test
  void aMissingAmountIsNamed() {
    JsonNode problem =
        problem(
            call(withBody(b -> ((ObjectNode) state(b).get("annualIncome")).remove("amount"))),
            400,
            "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("state.annualIncome.amount");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("is required");
  }

  @Test
  void anUnknownCurrencyCodeIsNamed() {
    JsonNode problem =
        problem(
            call(
                withBody(b -> ((ObjectNode) state(b).get("annualIncome")).put("currency", "XYZ1"))),
            400,
            "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .startsWith("state.annualIncome");
  }

  @Test
  void aNullInsideAnArrayIsNamed() {
    JsonNode problem =
        problem(call(withBody(b -> b.putArray("goals").addNull())), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("goals[0]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e-999999999", "1234567890123456789"})
  void numbersTooLargeOrTooPreciseToComputeWithAreRefused(String amount) {
    APIGatewayV2HTTPEvent event = createPlan();
    event.setBody(event.getBody().replace("\"145000.00\"", amount));

    JsonNode problem = problem(call(event), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("state.annualIncome.amount");
  }

  @Test
  void aHugeWholeNumberForAnIntegerIsRefused() {
    problem(
        call(withBody(b -> state(b).put("age", new java.math.BigInteger("99999999999999999999")))),
        400,
        "invalid-request");
  }

  @Test
  void everyInvalidFieldIsListedAsUnprocessable() {
    APIGatewayV2HTTPEvent event =
        withBody(
            b -> {
              state(b).put("age", 12);
              b.putArray("goals");
              b.remove("taxYear");
            });

    JsonNode problem = problem(call(event), 422, "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .contains("state.age", "goals", "taxYear");
    assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(plans.applied()).isEmpty();
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void goalErrorsAreNamedByTheirIndex() {
    JsonNode problem =
        problem(
            call(
                withBody(
                    b -> ((ObjectNode) b.get("goals").get(1)).put("targetDate", "2020-01-01"))),
            422,
            "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("goals[1].targetDate");
  }

  @ParameterizedTest
  @ValueSource(ints = {2024, 2028, 0})
  void aTaxYearFarFromTodayIsUnprocessable(int taxYear) {
    JsonNode problem =
        problem(call(withBody(b -> b.put("taxYear", taxYear))), 422, "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("taxYear");
  }

  @Test
  void amountsInAnotherCurrencyAreUnprocessable() {
    JsonNode problem =
        problem(
            call(
                withBody(
                    b ->
                        ((ObjectNode) b.get("goals").get(0).get("targetAmount"))
                            .put("currency", "INR"))),
            422,
            "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("goals[0].targetAmount.currency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void aNonJsonContentTypeIsUnsupported(String contentType) {
    APIGatewayV2HTTPEvent event = createPlan();
    event.getHeaders().put("content-type", contentType);

    problem(call(event), 415, "unsupported-media-type");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void aMissingContentTypeIsUnsupported() {
    APIGatewayV2HTTPEvent event = createPlan();
    event.getHeaders().remove("content-type");

    problem(call(event), 415, "unsupported-media-type");
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    String padding = "x".repeat(PlanRoutes.MAX_BODY_BYTES);
    APIGatewayV2HTTPEvent event =
        withBody(b -> ((ObjectNode) b.get("goals").get(0)).put("description", padding));

    problem(call(event), 413, "payload-too-large");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void whenNeitherQueueNorStoreAnswerTheCallerStillGetsA503() {
    bus.refuse();
    plans.breakTransitionsWith(new IllegalStateException("store down"));

    problem(call(createPlan()), 503, "service-unavailable");
    assertThat(plans.applied()).isEmpty();
  }

  @Test
  void aPlanThatCannotBeQueuedEndsFailedAndTheCallerMayRetry() {
    bus.refuse();

    JsonNode problem = problem(call(createPlan()), 503, "service-unavailable");

    assertThat(problem.path("detail").asText()).isEqualTo(PlanLifecycle.NOT_QUEUED);
    assertThat(plans.applied())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.updated().status()).isEqualTo(PlanStatus.FAILED);
              assertThat(t.updated().statusReason()).isEqualTo(PlanLifecycle.NOT_QUEUED);
              assertThat(t.event().from()).isEqualTo(PlanStatus.RECEIVED);
              assertThat(t.event().messageType()).isEqualTo("PlanSubmitted");
              assertThat(t.command()).isNull();
            });
  }
}
