package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.Approval;
import dev.finpilot.monitoring.LifeEventType;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reporting life events and deciding on proposed versions: checked here, done by the workflow. */
class PlanReviewRoutesTest extends HandlerHarness {
  final PlanSeeds seeds = new PlanSeeds(plans);

  PlanRecord active() {
    return seeds.finish(seeds.withVersions(USER, NOW, 1), PlanStatus.ACTIVE);
  }

  String lifeEvents(PlanRecord plan) {
    return "/v1/plans/" + plan.planId() + "/life-events";
  }

  Envelope onlySent() {
    assertThat(bus.sent()).hasSize(1);
    return bus.sent().get(0).envelope();
  }

  @Test
  void aLostJobIsHandedToTheWorkflowWithTheStateItLeaves() {
    PlanRecord plan = active();

    APIGatewayV2HTTPResponse response = post(USER, lifeEvents(plan), "{\"type\": \"JOB_LOSS\"}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Location", "/v1/plans/" + plan.planId());
    JsonNode body = Json.readTree(response.getBody());
    assertThat(body.path("review").path("action").asText()).isEqualTo("REPLAN");
    assertThat(body.path("review").path("approval").asText()).isEqualTo("USER_APPROVAL");
    assertThat(body.path("stateRevised").asBoolean()).isTrue();
    assertThat(body.path("deferred").asBoolean()).isFalse();
    Envelope sent = onlySent();
    assertThat(sent.type()).isEqualTo(MessageType.TRIGGER_RAISED);
    assertThat(bus.sent().get(0).origin().correlationId())
        .isEqualTo(body.path("correlationId").asText());
    Payloads.TriggerRaised trigger = sent.payloadAs(Payloads.TriggerRaised.class);
    assertThat(trigger.decision().triggerId()).contains(body.path("eventId").asText());
    assertThat(trigger.lifeEvent().type()).isEqualTo(LifeEventType.JOB_LOSS);
    assertThat(trigger.lifeEvent().id()).isEqualTo(body.path("eventId").asText());
    assertThat(trigger.reportedState()).isNull();
    assertThat(plans.find(plan.planId()).orElseThrow().status())
        .as("the workflow, not the API, changes the plan")
        .isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aStateSentWithTheEventReplacesThePlansState() {
    PlanRecord plan = active();
    String state = Json.write(plan.request().state()).replace("\"age\":35", "\"age\":36");

    APIGatewayV2HTTPResponse response =
        post(USER, lifeEvents(plan), "{\"type\": \"DIVORCE\", \"state\": " + state + "}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    Payloads.TriggerRaised trigger = onlySent().payloadAs(Payloads.TriggerRaised.class);
    assertThat(trigger.reportedState().age()).isEqualTo(36);
    assertThat(trigger.decision().action()).isEqualTo(ReviewAction.REPLAN);
  }

  @Test
  void anEventTheReportCannotQuantifyIsReviewedOnTheOldNumbers() {
    JsonNode body = body(post(USER, lifeEvents(active()), "{\"type\": \"RETIREMENT\"}"));

    assertThat(body.path("stateRevised").asBoolean()).isFalse();
    assertThat(onlySent().payloadAs(Payloads.TriggerRaised.class).reportedState()).isNull();
  }

  @Test
  void invalidReportsNameTheirFieldsAndSendNothing() {
    PlanRecord plan = active();

    JsonNode missingPercent =
        problem(
            post(USER, lifeEvents(plan), "{\"type\": \"INCOME_CHANGE\"}"),
            422,
            "validation-failed");
    JsonNode badState =
        problem(
            post(
                USER,
                lifeEvents(plan),
                "{\"type\": \"JOB_LOSS\", \"state\": "
                    + Json.write(plan.request().state()).replace("\"age\":35", "\"age\":7")
                    + "}"),
            422,
            "validation-failed");
    JsonNode euros =
        problem(
            post(
                USER,
                lifeEvents(plan),
                "{\"type\": \"WINDFALL\", \"amount\": {\"amount\": \"10\", \"currency\": \"EUR\"}}"),
            422,
            "validation-failed");
    problem(post(USER, lifeEvents(plan), "{\"type\": \"LOTTERY\"}"), 400, "invalid-request");
    problem(
        post(USER, lifeEvents(plan), "{\"type\": \"JOB_LOSS\", \"x\": 1}"), 400, "invalid-request");

    assertThat(missingPercent.path("errors").findValuesAsText("field"))
        .containsExactly("incomeChangePercent");
    assertThat(badState.path("errors").findValuesAsText("field")).containsExactly("state.age");
    assertThat(euros.path("errors").findValuesAsText("field")).containsExactly("amount.currency");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void aRetriedReportWithItsIdempotencyKeyIsAnsweredAgainAndReviewedOnce() {
    PlanRecord plan = active();
    HttpApiEvents.Builder report =
        HttpApiEvents.post(lifeEvents(plan))
            .identity(USER)
            .header(IdempotentRequests.HEADER, "report-1")
            .jsonBody("{\"type\": \"JOB_LOSS\"}");

    APIGatewayV2HTTPResponse first = call(report);
    // The workflow has started the review meanwhile: the retry must not be refused for that.
    seeds.finish(plan, PlanStatus.REVIEWING);
    APIGatewayV2HTTPResponse retry = call(report);

    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(retry.getHeaders()).containsEntry(IdempotentRequests.REPLAYED_HEADER, "true");
    assertThat(bus.sent()).hasSize(1);
  }

  @Test
  void anEventDuringAReviewIsAcceptedToBeReviewedAfterIt() {
    PlanRecord pending = seeds.awaitingApproval(USER, NOW);

    JsonNode body = body(post(USER, lifeEvents(pending), "{\"type\": \"NEW_DEPENDENT\"}"));

    assertThat(body.path("deferred").asBoolean()).isTrue();
    assertThat(onlySent().type()).isEqualTo(MessageType.TRIGGER_RAISED);
  }

  @Test
  void aPlanWithTooManyEventsWaitingTakesNoMore() {
    ReviewDecision waiting =
        new ReviewDecision(
            "t",
            "p",
            TriggerSeverity.LOW,
            ReviewAction.MONITOR,
            Approval.NOT_NEEDED,
            false,
            NOW,
            List.of());
    PlanRecord full =
        seeds.awaitingApproval(
            USER,
            NOW,
            Collections.nCopies(PlanRecord.MAX_DEFERRED, Payloads.TriggerRaised.market(waiting)));

    JsonNode problem =
        problem(
            post(USER, lifeEvents(full), "{\"type\": \"NEW_DEPENDENT\"}"),
            409,
            "workflow-step-unavailable");

    assertThat(problem.path("detail").asText()).contains("already wait");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void anIdempotencyKeyBelongsToOnePlansLifeEvents() {
    PlanRecord first = active();
    PlanRecord second = active();
    String body = "{\"type\": \"JOB_LOSS\"}";

    call(
        HttpApiEvents.post(lifeEvents(first))
            .identity(USER)
            .header(IdempotentRequests.HEADER, "k")
            .jsonBody(body));
    APIGatewayV2HTTPResponse other =
        call(
            HttpApiEvents.post(lifeEvents(second))
                .identity(USER)
                .header(IdempotentRequests.HEADER, "k")
                .jsonBody(body));

    assertThat(other.getHeaders()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
    assertThat(bus.sent())
        .extracting(s -> s.envelope().planId())
        .containsExactly(first.planId(), second.planId());
  }

  @Test
  void onlyAnActivePlanTakesLifeEvents() {
    PlanRecord running = seeds.withVersions(USER, NOW, 1);

    JsonNode problem =
        problem(
            post(USER, lifeEvents(running), "{\"type\": \"JOB_LOSS\"}"),
            409,
            "workflow-step-unavailable");

    assertThat(problem.path("detail").asText()).contains("VERIFYING");
    assertThat(bus.sent()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"approve", "reject"})
  void theOwnersDecisionOnThePendingVersionGoesToTheWorkflow(String decision) {
    PlanRecord plan = seeds.awaitingApproval(USER, NOW);

    APIGatewayV2HTTPResponse response =
        post(USER, "/v1/plans/" + plan.planId() + "/versions/2/" + decision, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    Envelope sent = onlySent();
    assertThat(sent.type())
        .isEqualTo(
            decision.equals("approve")
                ? MessageType.VERSION_APPROVED
                : MessageType.VERSION_DECLINED);
    assertThat(sent.planVersion()).isEqualTo(2);
    assertThat(body(response).path("decision").asText()).isEqualTo(sent.type().wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"approve", "reject"})
  void onlyThePendingVersionCanBeDecided(String decision) {
    PlanRecord pending = seeds.awaitingApproval(USER, NOW);
    PlanRecord running = seeds.withVersions(USER, NOW, 1);
    String pendingPath = "/v1/plans/" + pending.planId() + "/versions/";

    JsonNode older =
        problem(post(USER, pendingPath + "1/" + decision, null), 409, "workflow-step-unavailable");
    JsonNode notPending =
        problem(
            post(USER, "/v1/plans/" + running.planId() + "/versions/1/" + decision, null),
            409,
            "workflow-step-unavailable");
    problem(post(USER, pendingPath + "0/" + decision, null), 400, "invalid-request");

    assertThat(older.path("detail").asText()).contains("version 2 does");
    assertThat(notPending.path("detail").asText()).contains("VERIFYING");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void aPlanUnderReviewIsNotCancelled() {
    PlanRecord plan = seeds.awaitingApproval(USER, NOW);

    JsonNode problem =
        problem(post(USER, "/v1/plans/" + plan.planId() + "/cancel", null), 409, "conflict");

    assertThat(problem.path("detail").asText()).contains("decline the proposed version");
  }

  @Test
  void aWorkflowQueueThatIsDownIsAServiceProblem() {
    PlanRecord plan = active();
    bus.refuse();

    problem(post(USER, lifeEvents(plan), "{\"type\": \"JOB_LOSS\"}"), 503, "service-unavailable");
  }
}
