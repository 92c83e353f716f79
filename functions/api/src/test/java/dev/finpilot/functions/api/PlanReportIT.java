package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan report of a real plan version in the stack's DynamoDB table, read through the API
 * function as API Gateway invokes it: the HTML page's figures are the API's JSON for the version,
 * and the report is its owner's only.
 */
@WithAwsBackend
class PlanReportIT {

  private final Environment env;
  private ApiHandler api;
  private String userId;
  private String base;

  PlanReportIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void storeAnActivePlan() {
    api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    DynamoPlanRepository plans =
        new DynamoPlanRepository(env.dynamoDb(), env.functionEnv("ApiFunction").get("PLANS_TABLE"));
    userId = "report-" + UUID.randomUUID();
    PlanRecord plan = new PlanSeeds(plans).active(userId, Instant.now());
    base = "/v1/plans/" + plan.planId();
  }

  @AfterEach
  void stop() {
    api.getApplicationContext().close();
  }

  @Test
  void thePagesFiguresAreTheStoredVersionsAsTheApiAnswersThem() {
    APIGatewayV2HTTPResponse html = call(userId, base + "/report", "text/html");

    assertThat(html.getStatusCode()).as(html.getBody()).isEqualTo(200);
    assertThat(html.getHeaders().get("Content-Security-Policy")).startsWith("default-src 'none'");
    Document page = Jsoup.parse(html.getBody());
    assertThat(page.select("script")).isEmpty();
    ReportFigures.assertShownAsTheApiAnswers(
        page,
        ok(call(userId, base + "/report", "application/json")),
        ok(call(userId, base + "/versions/1", "application/json")));
  }

  @Test
  void anotherUsersReportAndAVersionNotMadeAreNotFound() {
    APIGatewayV2HTTPResponse stranger =
        call("someone-" + UUID.randomUUID(), base + "/report", "text/html");
    APIGatewayV2HTTPResponse missing = call(userId, base + "/report?version=2", "text/html");

    for (APIGatewayV2HTTPResponse response : new APIGatewayV2HTTPResponse[] {stranger, missing}) {
      assertThat(response.getStatusCode()).isEqualTo(404);
      assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
      assertThat(Json.readTree(response.getBody()).path("correlationId").asText()).isNotBlank();
    }
  }

  private static JsonNode ok(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.readTree(response.getBody());
  }

  private APIGatewayV2HTTPResponse call(String caller, String path, String accept) {
    return api.handleRequest(
        HttpApiEvents.get(path).identity(caller).header("Accept", accept).build(), null);
  }
}
