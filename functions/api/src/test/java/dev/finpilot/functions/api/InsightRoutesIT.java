package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiEvents;
import dev.finpilot.verification.Finding;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The insight routes on a real plan version in the stack's DynamoDB table: the planner's result for
 * the sample household, verified and stored as the agents store it, read back through the API
 * function. Every answer's numbers agree with the stored version.
 */
@WithAwsBackend
class InsightRoutesIT {

  private final Environment env;
  private ApiHandler api;
  private String userId;
  private PlanRecord plan;
  private PlanVersion version;
  private String base;

  InsightRoutesIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void storeAnActivePlan() {
    api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    PlanRepository plans =
        new DynamoPlanRepository(env.dynamoDb(), env.functionEnv("ApiFunction").get("PLANS_TABLE"));
    userId = "insight-" + UUID.randomUUID();
    plan = new PlanSeeds(plans).active(userId, Instant.now());
    version = plans.findVersion(plan.planId(), 1).orElseThrow();
    base = "/v1/plans/" + plan.planId();
  }

  @AfterEach
  void stop() {
    api.getApplicationContext().close();
  }

  @Test
  void theStoredVersionReadsBackWithEverythingInsightNeeds() {
    assertThat(version).isEqualTo(InsightVersions.planned(plan.planId(), 1, version.createdAt()));
    assertThat(version.projection().inputs()).isNotNull();
  }

  @Test
  void everyInsightRouteAgreesWithTheStoredVersion() {
    double success = version.projection().successProbability();

    JsonNode explanation = ok(get(base + "/versions/1/explanation")).path("explanation");
    JsonNode whatIf = ok(post(base + "/versions/1/what-if", "{\"change\": {}}")).path("whatIf");
    JsonNode stress = ok(get(base + "/versions/1/stress-tests")).path("stressTests");
    JsonNode recommended = ok(get(base + "/recommendations"));
    JsonNode chat = ok(post("/v1/chat", "{\"question\": \"What if I retire 3 years later?\"}"));

    for (Finding f : version.verification().findings()) {
      assertThat(explanation.path("sections").toString()).contains(f.code().name());
    }
    assertThat(whatIf.path("current").path("successProbability").asDouble()).isEqualTo(success);
    assertThat(whatIf.path("changed").path("successProbability").asDouble()).isEqualTo(success);
    assertThat(stress.path("asPlanned").path("successProbability").asDouble()).isEqualTo(success);
    assertThat(stress.path("seed").asLong()).isEqualTo(version.projection().seed());
    assertThat(recommended.path("versionBasis").asText()).isEqualTo("ACTIVE");
    assertThat(chat.path("planId").asText()).isEqualTo(plan.planId());
    assertThat(chat.path("result").path("current").path("successProbability").asDouble())
        .isEqualTo(success);
    JsonNode call = chat.path("call");
    JsonNode repeated = ok(post(call.path("path").asText(), Json.write(call.path("body"))));
    assertThat(repeated.path("whatIf")).isEqualTo(chat.path("result"));
  }

  @Test
  void riskComesFromTheVersionsOwnPaths() {
    JsonNode risk = ok(get(base + "/versions/1/risk")).path("risk");

    assertThat(risk.path("seed").asLong()).isEqualTo(version.projection().seed());
    assertThat(risk.path("paths").asInt()).isEqualTo(version.projection().paths());
    assertThat(risk.path("years").asInt()).isEqualTo(version.projection().years());
  }

  private static JsonNode ok(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.readTree(response.getBody());
  }

  private APIGatewayV2HTTPResponse get(String path) {
    return api.handleRequest(HttpApiEvents.get(path).identity(userId).build(), null);
  }

  private APIGatewayV2HTTPResponse post(String path, String json) {
    return api.handleRequest(
        HttpApiEvents.post(path).identity(userId).jsonBody(json).build(), null);
  }
}
