package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanStep;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.VersionFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetPlanTest extends HandlerHarness {

  /** Submits the sample request through the API and returns the new plan's id. */
  String submit() {
    return body(call(ApiEvents.load("create-plan.json"))).path("planId").asText();
  }

  static APIGatewayV2HTTPEvent getPlan(String planId) {
    APIGatewayV2HTTPEvent event = ApiEvents.load("get-plan.json");
    String path = "/v1/plans/" + planId;
    event.setRawPath(path);
    event.getRequestContext().getHttp().setPath(path);
    event.getPathParameters().put("planId", planId);
    return event;
  }

  static Plan balancedPlan() {
    return balancedPlanWithSuccess(0.87);
  }

  static Plan balancedPlanWithSuccess(double successProbability) {
    return new Plan(
        "balanced",
        List.of(new Contribution(AccountType.EMPLOYER_401K, Money.usd(725))),
        List.of(new DebtPayment("Visa", Money.usd(600), 1)),
        DebtPayoffMethod.AVALANCHE,
        Money.usd(33_000),
        GlidePath.constant(35, Allocation.of("0.7", "0.25", "0.05")),
        List.of(),
        List.of(
            new PlanStep(
                TODAY.plusMonths(1),
                "raise 401(k) deferral to 6%",
                AccountType.EMPLOYER_401K,
                Money.usd(725))),
        null,
        0,
        null,
        successProbability);
  }

  @Test
  void aPlanJustSubmittedShowsItsStatusAndNoVersion() {
    String planId = submit();
    APIGatewayV2HTTPEvent event = getPlan(planId);

    APIGatewayV2HTTPResponse response = call(event);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders())
        .containsEntry(CorrelationId.HEADER, ApiEvents.header(event, CorrelationId.HEADER))
        .containsEntry("Cache-Control", "no-store");
    JsonNode plan = body(response);
    assertThat(plan.path("planId").asText()).isEqualTo(planId);
    assertThat(plan.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(plan.path("currentVersion").asInt()).isZero();
    assertThat(plan.path("round").asInt()).isZero();
    assertThat(plan.path("createdAt").asText()).isEqualTo(NOW.toString());
    assertThat(plan.path("updatedAt").asText()).isEqualTo(NOW.toString());
    assertThat(plan.path("correlationId").asText())
        .isEqualTo(plans.find(planId).orElseThrow().correlationId());
    assertThat(plan.path("request").path("taxYear").asInt()).isEqualTo(2026);
    assertThat(plan.has("version")).isFalse();
    assertThat(plan.has("userId")).isFalse();
    assertThat(plan.has("revision")).isFalse();
  }

  @Test
  void aPlanWithAVersionShowsThePlanAndItsReports() {
    PlanRecord received = plans.find(submit()).orElseThrow();
    plans.clear();
    plans.create(
        new PlanRecord(
            received.planId(),
            USER,
            PlanStatus.ACTIVE,
            5,
            1,
            1,
            1,
            null,
            List.of(),
            received.correlationId(),
            "approved",
            "m5",
            received.request(),
            NOW,
            NOW.plusSeconds(9)));
    plans.saveVersion(
        new PlanVersion(
            received.planId(),
            1,
            balancedPlan(),
            VersionFixtures.reasoning(0.9),
            VersionFixtures.projection(0.87),
            VersionFixtures.approved(),
            NOW.plusSeconds(5)));

    JsonNode plan = body(call(getPlan(received.planId())));

    assertThat(plan.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(plan.path("statusReason").asText()).isEqualTo("approved");
    assertThat(plan.path("currentVersion").asInt()).isEqualTo(1);
    JsonNode version = plan.path("version");
    assertThat(version.path("number").asInt()).isEqualTo(1);
    assertThat(version.path("plan").path("strategy").asText()).isEqualTo("balanced");
    assertThat(version.path("plan").path("contributions").get(0).path("account").asText())
        .isEqualTo("EMPLOYER_401K");
    assertThat(version.path("plan").path("steps")).hasSize(1);
    assertThat(version.path("plan").path("glidePath").path("points")).hasSize(1);
    assertThat(version.path("projection").path("successProbability").asDouble()).isEqualTo(0.87);
    assertThat(version.path("reasoning").path("strategy").asText()).isEqualTo("BALANCED");
    assertThat(version.path("verification").path("outcome").asText()).isEqualTo("APPROVED");
    // Stored before versions kept their snapshot: planned in the historical one.
    assertThat(version.path("snapshot").path("basis").asText()).isEqualTo("historical");
    assertThat(version.path("snapshot").path("id").asText())
        .isEqualTo(MarketSnapshot.historical().id());
    assertThat(
            version
                .path("snapshot")
                .path("assumptions")
                .path("assets")
                .path("CASH")
                .has("arithmeticMean"))
        .isTrue();
  }

  @Test
  void aPlanErasedAfterItsVersionWasReadIsNotFound() {
    PlanRecord plan = new PlanSeeds(plans).withVersions(USER, NOW, 1);
    assertThat(body(call(getPlan(plan.planId()))).path("version").path("number").asInt())
        .isEqualTo(1);

    plans.clear();

    problem(call(getPlan(plan.planId())), 404, "not-found");
  }

  @Test
  void anotherUsersPlanIsNotFoundExactlyLikeAMissingOne() {
    String planId = submit();

    JsonNode foreign =
        problem(call(ApiEvents.asUser(getPlan(planId), "someone-else")), 404, "not-found");
    JsonNode missing =
        problem(call(getPlan("00000000-0000-4000-8000-000000000000")), 404, "not-found");

    assertThat(foreign.path("detail")).isEqualTo(missing.path("detail"));
    assertThat(foreign.path("title")).isEqualTo(missing.path("title"));
    assertThat(foreign.toString()).doesNotContain(USER).doesNotContain("RECEIVED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-uuid",
        "3F6C1D2E-8A4B-4C9D-9E7F-1A2B3C4D5E6F",
        "1-1-1-1-1",
        "3f6c1d2e-8a4b-4c9d-9e7f-1a2b3c4d5e6f-extra"
      })
  void anIdThatIsNotACanonicalUuidIsNotFound(String planId) {
    problem(call(getPlan(planId)), 404, "not-found");
  }

  @Test
  void theSampleEventsPlanIsNotFoundUntilItExists() {
    problem(call(ApiEvents.load("get-plan.json")), 404, "not-found");
  }

  @Test
  void readingAPlanNeedsAnAuthenticatedCaller() {
    String planId = submit();
    APIGatewayV2HTTPEvent event = getPlan(planId);
    event.getRequestContext().setAuthorizer(null);

    problem(call(event), 401, "unauthenticated");
  }
}
