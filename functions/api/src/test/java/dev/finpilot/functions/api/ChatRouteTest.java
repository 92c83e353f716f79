package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testkit.http.HttpApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/chat}: a question is answered by the route its intent names, on the caller's
 * latest ACTIVE plan or the one named, and the reply gives the call so it can be repeated.
 */
class ChatRouteTest extends HandlerHarness {
  static final String CHAT = "/v1/chat";

  final PlanSeeds seeds = new PlanSeeds(plans);
  PlanRecord plan;

  @BeforeEach
  void activePlan() {
    plan = seeds.active(USER, NOW);
  }

  JsonNode ask(String body) {
    APIGatewayV2HTTPResponse response = post(USER, CHAT, body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return body(response);
  }

  static String question(String text) {
    return Json.write(java.util.Map.of("question", text));
  }

  @Test
  void aWhatIfIsAnsweredWithItsNumbersAndTheCallThatRepeatsIt() {
    JsonNode reply = ask(question("What if I retire 3 years later?"));

    assertThat(reply.path("planId").asText()).isEqualTo(plan.planId());
    assertThat(reply.path("version").asInt()).isEqualTo(1);
    assertThat(reply.path("versionBasis").asText()).isEqualTo("ACTIVE");
    assertThat(reply.path("intent").asText()).isEqualTo("WHAT_IF");
    assertThat(reply.path("change").path("goalYears").asInt()).isEqualTo(3);
    JsonNode call = reply.path("call");
    assertThat(call.path("method").asText()).isEqualTo("POST");
    assertThat(call.path("path").asText())
        .isEqualTo("/v1/plans/" + plan.planId() + "/versions/1/what-if");
    assertThat(call.path("body").path("change")).isEqualTo(reply.path("change"));

    JsonNode repeated = body(post(USER, call.path("path").asText(), Json.write(call.path("body"))));

    assertThat(repeated.path("whatIf")).isEqualTo(reply.path("result"));
    double changed = repeated.path("whatIf").path("changed").path("successProbability").asDouble();
    assertThat(reply.path("text").asText())
        .contains(String.format(java.util.Locale.ROOT, "%.1f%%", changed * 100));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "How bad would a 2008 be for me?|STRESS|/versions/1/stress-tests|stressTests",
        "How risky is my plan?|RISK|/versions/1/risk|risk",
        "Why is my plan conservative?|EXPLAIN|/versions/1/explanation|explanation",
        "What should I do next?|RECOMMEND|/recommendations|recommendations"
      })
  void eachIntentIsAnsweredByItsRouteAndRepeatingTheCallGivesTheSameResult(
      String question, String intent, String route, String field) {
    JsonNode reply = ask(question(question));

    assertThat(reply.path("intent").asText()).isEqualTo(intent);
    JsonNode call = reply.path("call");
    assertThat(call.path("method").asText()).isEqualTo("GET");
    assertThat(call.path("path").asText()).isEqualTo("/v1/plans/" + plan.planId() + route);
    assertThat(call.has("body")).isFalse();
    assertThat(reply.path("text").asText()).isNotBlank();
    JsonNode repeated = body(get(USER, call.path("path").asText())).path(field);
    if (intent.equals("RECOMMEND")) {
      // The route adds to each recommendation the call that tries it.
      assertThat(repeated.findValuesAsText("title"))
          .isEqualTo(reply.path("result").findValuesAsText("title"));
    } else {
      assertThat(repeated).isEqualTo(reply.path("result"));
    }
  }

  @Test
  void aFigureThatCannotBeReadIsSaidPlainlyAndNothingIsCalled() {
    JsonNode reply = ask(question("What if I retire at some point soonish?"));

    assertThat(reply.path("unread").asText()).isNotBlank();
    assertThat(reply.path("text").asText()).isEqualTo(reply.path("unread").asText());
    assertThat(reply.has("call")).isFalse();
    assertThat(reply.has("result")).isFalse();
  }

  @Test
  void aQuestionWithNothingToAnswerSaysWhatCanBeAsked() {
    JsonNode reply = ask(question("Hello there"));

    assertThat(reply.path("intent").asText()).isEqualTo("UNKNOWN");
    assertThat(reply.path("text").asText())
        .startsWith("I could not tell what")
        .isEqualTo(reply.path("unread").asText());
    assertThat(reply.has("result")).isFalse();
    assertThat(reply.has("call")).isFalse();
  }

  @Test
  void theNamedPlanIsAnsweredAndAnotherUsersIsNotFound() {
    PlanRecord newer = seeds.active(USER, NOW.plusSeconds(60));
    account("someone-else");
    PlanRecord theirs = seeds.active("someone-else", NOW);

    JsonNode latest = ask(question("How risky is my plan?"));
    JsonNode named =
        ask("{\"question\": \"How risky is my plan?\", \"planId\": \"" + plan.planId() + "\"}");

    assertThat(latest.path("planId").asText()).isEqualTo(newer.planId());
    assertThat(named.path("planId").asText()).isEqualTo(plan.planId());
    problem(
        post(
            USER,
            CHAT,
            "{\"question\": \"How risky is my plan?\", \"planId\": \"" + theirs.planId() + "\"}"),
        404,
        "not-found");
  }

  @Test
  void withoutAnActivePlanThePlanMustBeNamed() {
    plans.clear();
    seeds.received(USER, NOW);

    JsonNode problem =
        problem(post(USER, CHAT, question("How risky is my plan?")), 422, "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("planId");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|question",
        "{\"question\": \"   \"}|question",
        "{\"question\": \"LONG\"}|question"
      })
  void aQuestionMustBeThereAndShort(String body, String field) {
    String sent =
        body.replace(
            "LONG",
            "why ".repeat(dev.finpilot.insight.chat.QuestionReader.MAX_QUESTION_LENGTH / 4 + 1));

    JsonNode problem = problem(post(USER, CHAT, sent), 422, "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
  }

  @Test
  void badBodiesAndCallersAreRefused() {
    problem(post(USER, CHAT, "{\"question\": [\"why\"]}"), 400, "invalid-request");
    problem(post(USER, CHAT, "{\"question\": \"why\", \"userId\": \"x\"}"), 400, "invalid-request");
    problem(
        post(USER, CHAT, "{\"question\": \"" + "x".repeat(JsonBody.SMALL_BODY_BYTES) + "\"}"),
        413,
        "payload-too-large");
    problem(call(HttpApiEvents.post(CHAT).jsonBody(question("why"))), 401, "unauthenticated");
  }
}
