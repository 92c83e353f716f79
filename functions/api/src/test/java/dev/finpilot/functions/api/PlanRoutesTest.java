package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing plans and following one through its versions, trace, history and comparisons. */
class PlanRoutesTest extends HandlerHarness {
  final PlanSeeds seeds = new PlanSeeds(plans);

  String path(PlanRecord plan, String rest) {
    return "/v1/plans/" + plan.planId() + rest;
  }

  @Test
  void theCallersPlansAreListedNewestFirstOnePageAtATime() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(0, seeds.received(USER, NOW.plusSeconds(i)).planId());
    }
    seeds.received("someone-else", NOW.plusSeconds(100));

    JsonNode first = body(get(USER, "/v1/plans?limit=2"));
    String cursor = first.path("nextCursor").asText();
    JsonNode second = body(get(USER, "/v1/plans?limit=2&cursor=" + cursor));
    JsonNode last =
        body(get(USER, "/v1/plans?limit=2&cursor=" + second.path("nextCursor").asText()));

    List<String> listed = new ArrayList<>();
    for (JsonNode page : List.of(first, second, last)) {
      page.path("items").forEach(i -> listed.add(i.path("planId").asText()));
    }
    assertThat(listed).isEqualTo(created);
    assertThat(last.has("nextCursor")).isFalse();
    JsonNode item = first.path("items").get(0);
    assertThat(item.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(item.path("goalCount").asInt()).isPositive();
    assertThat(item.has("userId")).isFalse();
  }

  @Test
  void anEmptyListHasNoItemsAndNoCursor() {
    JsonNode page = body(get(USER, "/v1/plans"));

    assertThat(page.path("items")).isEmpty();
    assertThat(page.has("nextCursor")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5"})
  void aLimitOutsideOneToAHundredIsNamed(String limit) {
    JsonNode problem = problem(get(USER, "/v1/plans?limit=" + limit), 400, "invalid-request");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("limit");
  }

  @Test
  void aCursorWorksOnlyForTheUserItWasGivenTo() {
    for (int i = 0; i < 3; i++) {
      seeds.received(USER, NOW.plusSeconds(i));
    }
    String cursor = body(get(USER, "/v1/plans?limit=1")).path("nextCursor").asText();

    JsonNode problem =
        problem(get("someone-else", "/v1/plans?cursor=" + cursor), 400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    problem(get(USER, "/v1/plans?cursor=not-a-cursor"), 400, "invalid-request");
    problem(get(USER, "/v1/plans?cursor=" + Cursors.seal(USER, "garbage")), 400, "invalid-request");
  }

  @Test
  void aVersionIsShownWithItsReports() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 2);

    JsonNode version = body(get(USER, path(plan, "/versions/1")));

    assertThat(version.path("number").asInt()).isEqualTo(1);
    assertThat(version.path("plan").path("successProbability").asDouble()).isEqualTo(0.6);
    assertThat(version.path("verification").path("outcome").asText()).isEqualTo("APPROVED");
    problem(get(USER, path(plan, "/versions/3")), 404, "not-found");
    JsonNode bad = problem(get(USER, path(plan, "/versions/first")), 400, "invalid-request");
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("version");
  }

  @Test
  void theTraceIsTheCurrentVersionsReasoningUnlessAVersionIsAsked() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 2);

    JsonNode current = body(get(USER, path(plan, "/trace")));
    JsonNode first = body(get(USER, path(plan, "/trace?version=1")));

    assertThat(current.path("version").asInt()).isEqualTo(2);
    JsonNode currentGraph = current.path("trace").path("trace");
    assertThat(currentGraph.path("nodes").get(0).path("score").asDouble()).isEqualTo(0.2);
    assertThat(currentGraph.has("edges")).isTrue();
    JsonNode firstGraph = first.path("trace").path("trace");
    assertThat(firstGraph.path("nodes").get(0).path("score").asDouble()).isEqualTo(0.1);
    problem(get(USER, path(seeds.received(USER, NOW), "/trace")), 404, "not-found");
  }

  @Test
  void anActivePlanIsShownWithTheVersionInForceNotADeclinedProposal() {
    PlanRecord declined = seeds.finish(seeds.awaitingApproval(USER, NOW), PlanStatus.ACTIVE);
    PlanRecord pending = seeds.awaitingApproval(USER, NOW);

    JsonNode active = body(get(USER, path(declined, "")));
    JsonNode awaiting = body(get(USER, path(pending, "")));

    assertThat(active.path("activeVersion").asInt()).isEqualTo(1);
    assertThat(active.path("currentVersion").asInt()).isEqualTo(2);
    assertThat(active.path("version").path("number").asInt()).isEqualTo(1);
    assertThat(active.has("pendingVersion")).isFalse();
    assertThat(body(get(USER, path(declined, "/trace"))).path("version").asInt()).isEqualTo(1);
    assertThat(awaiting.path("version").path("number").asInt()).isEqualTo(2);
    assertThat(awaiting.path("pendingVersion").asInt()).isEqualTo(2);
  }

  @Test
  void theHistoryListsEveryTransitionWithCorrelationIdsAndTimings() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 1);

    JsonNode history = body(get(USER, path(plan, "/history")));

    assertThat(history.path("status").asText()).isEqualTo("VERIFYING");
    JsonNode transitions = history.path("transitions");
    assertThat(transitions).hasSize(2);
    assertThat(transitions.get(0).path("from").asText()).isEqualTo("RECEIVED");
    assertThat(transitions.get(0).path("to").asText()).isEqualTo("PLANNING");
    assertThat(transitions.get(0).path("millisInPreviousState").asLong()).isEqualTo(1000);
    assertThat(transitions.get(1).path("messageType").asText()).isEqualTo("PlanGenerated");
    assertThat(transitions.get(1).path("correlationId").asText()).isEqualTo(plan.correlationId());
  }

  @Test
  void aComparisonListsWhatChangedBetweenTwoVersions() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 2);

    JsonNode comparison = body(get(USER, path(plan, "/compare?from=1&to=2")));

    assertThat(comparison.path("successProbabilityFrom").asDouble()).isEqualTo(0.6);
    assertThat(comparison.path("successProbabilityTo").asDouble()).isEqualTo(0.7);
    assertThat(comparison.path("truncated").asBoolean()).isFalse();
    assertThat(comparison.path("changes").findValuesAsText("path"))
        .containsExactlyInAnyOrder("/plan/successProbability", "/projection/successProbability");
    assertThat(body(get(USER, path(plan, "/compare?from=2&to=2"))).path("changes")).isEmpty();
  }

  @Test
  void aComparisonNeedsTwoExistingVersions() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 1);

    JsonNode missing = problem(get(USER, path(plan, "/compare?from=1")), 400, "invalid-request");
    assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("to");
    problem(get(USER, path(plan, "/compare?from=1&to=2")), 404, "not-found");
    problem(get(USER, path(plan, "/compare?from=x&to=1")), 400, "invalid-request");
  }

  @Test
  void cancellingARunningPlanStopsItAndRecordsWhy() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 1);

    APIGatewayV2HTTPResponse response = post(USER, path(plan, "/cancel"), null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(Json.readTree(response.getBody()).path("status").asText()).isEqualTo("CANCELLED");
    PlanRecord stored = plans.find(plan.planId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(PlanStatus.CANCELLED);
    assertThat(stored.statusReason()).isEqualTo("cancelled by its owner while VERIFYING");
    assertThat(plans.history(plan.planId()))
        .last()
        .satisfies(e -> assertThat(e.messageType()).isEqualTo("CancelRequested"));
    assertThat(notified).containsExactly(stored);
    problem(post(USER, path(plan, "/cancel"), null), 409, "conflict");
  }

  @Test
  void cancellingAFinishedPlanIsAConflict() {
    PlanRecord plan = seeds.finish(seeds.withVersions(USER, NOW, 1), PlanStatus.ACTIVE);

    JsonNode problem = problem(post(USER, path(plan, "/cancel"), null), 409, "conflict");

    assertThat(problem.path("detail").asText()).contains("ACTIVE");
  }

  @Test
  void aStoreThatIsDownIsAServiceProblemNotAClientOne() {
    PlanRecord plan = seeds.withVersions(USER, NOW, 1);
    plans.breakWith(
        software.amazon.awssdk.core.exception.SdkClientException.create("connection refused"));

    APIGatewayV2HTTPResponse response = get(USER, path(plan, "/history"));

    problem(response, 503, "service-unavailable");
  }
}
