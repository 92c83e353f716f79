package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.functions.authorizer.AuthorizerHandler;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The front door on the emulator, as API Gateway runs it: the Lambda authorizer (keys from the
 * stack's Secrets Manager secret) in front of the API function (users, refresh tokens, rate limits,
 * idempotency keys and plans in the stack's DynamoDB tables, submissions on its workflow queue).
 */
@WithAwsBackend
class AccountsAndPlansThroughTheAuthorizerIT {
  private static final String PASSWORD = "a long enough password";

  private final Environment env;
  private final ApiHandler api;
  private final HttpApiAuthorizer gateway;

  AccountsAndPlansThroughTheAuthorizerIT(Environment env) {
    this.env = env;
    this.api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    this.gateway =
        new HttpApiAuthorizer(
            new AuthorizerHandler(new FunctionEnvironment(env.functionEnv("AuthorizerFunction"))),
            List.of("Authorization"),
            Duration.ZERO,
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    api.getApplicationContext().close();
  }

  /** A public route: straight to the API function. */
  private APIGatewayV2HTTPResponse open(HttpApiEvents.Builder request) {
    return api.handleRequest(request.build(), null);
  }

  /** A route behind the authorizer. */
  private APIGatewayV2HTTPResponse guarded(HttpApiEvents.Builder request) {
    HttpApiAuthorizer.Decision decision = gateway.authorize(request.build(), null);
    if (decision instanceof HttpApiAuthorizer.Decision.Refused refused) {
      return refused.response();
    }
    return api.handleRequest(((HttpApiAuthorizer.Decision.Allowed) decision).event(), null);
  }

  private JsonNode register(String email) {
    APIGatewayV2HTTPResponse response =
        open(
            HttpApiEvents.post("/v1/auth/register")
                .jsonBody(
                    "{\"email\":\""
                        + email
                        + "\",\"password\":\""
                        + PASSWORD
                        + "\",\"displayName\":\"IT\"}"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return Json.readTree(response.getBody());
  }

  private static String bearer(JsonNode session) {
    return "Bearer " + session.path("accessToken").asText();
  }

  @Test
  void registerLogInCreateAPlanAndReadItBack() {
    String email = "it-" + UUID.randomUUID() + "@example.com";
    String userId = register(email).path("user").path("userId").asText();

    APIGatewayV2HTTPResponse login =
        open(
            HttpApiEvents.post("/v1/auth/login")
                .jsonBody("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(200);
    JsonNode session = Json.readTree(login.getBody());

    String key = UUID.randomUUID().toString();
    APIGatewayV2HTTPResponse created =
        guarded(
            HttpApiEvents.post("/v1/plans")
                .header("Authorization", bearer(session))
                .header("Idempotency-Key", key)
                .jsonBody(HandlerHarness.samplePlanBody()));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(202);
    String planId = Json.readTree(created.getBody()).path("planId").asText();

    APIGatewayV2HTTPResponse replay =
        guarded(
            HttpApiEvents.post("/v1/plans")
                .header("Authorization", bearer(session))
                .header("Idempotency-Key", key)
                .jsonBody(HandlerHarness.samplePlanBody()));
    assertThat(replay.getBody()).isEqualTo(created.getBody());
    assertThat(replay.getHeaders()).containsEntry("Idempotency-Replayed", "true");

    APIGatewayV2HTTPResponse read =
        guarded(HttpApiEvents.get("/v1/plans/" + planId).header("Authorization", bearer(session)));
    assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(200);
    assertThat(Json.readTree(read.getBody()).path("status").asText()).isEqualTo("RECEIVED");

    PlanRecord stored =
        new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"))
            .find(planId)
            .orElseThrow();
    assertThat(stored.userId()).isEqualTo(userId);
    List<Envelope> submitted =
        env.queue("WorkflowQueue").awaitMessages(1).stream()
            .map(m -> Json.read(m.body(), Envelope.class))
            .filter(e -> e.planId().equals(planId))
            .toList();
    assertThat(submitted)
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(MessageType.PLAN_SUBMITTED));

    JsonNode list =
        Json.readTree(
            guarded(HttpApiEvents.get("/v1/plans").header("Authorization", bearer(session)))
                .getBody());
    assertThat(list.path("items").findValuesAsText("planId")).containsExactly(planId);

    JsonNode other = register("other-" + UUID.randomUUID() + "@example.com");
    APIGatewayV2HTTPResponse foreign =
        guarded(HttpApiEvents.get("/v1/plans/" + planId).header("Authorization", bearer(other)));
    assertThat(foreign.getStatusCode()).isEqualTo(404);
  }

  @Test
  void theGatewayRefusesMissingAndForgedTokensBeforeTheApiRuns() {
    JsonNode session = register("forged-" + UUID.randomUUID() + "@example.com");
    String token = session.path("accessToken").asText();
    String forged = token.substring(0, token.length() - 4) + "AAAA";

    assertThat(guarded(HttpApiEvents.get("/v1/me")).getStatusCode()).isEqualTo(401);
    assertThat(
            guarded(HttpApiEvents.get("/v1/me").header("Authorization", "Bearer " + forged))
                .getStatusCode())
        .isEqualTo(403);
    APIGatewayV2HTTPResponse me =
        guarded(HttpApiEvents.get("/v1/me").header("Authorization", bearer(session)));
    assertThat(me.getStatusCode()).isEqualTo(200);
  }

  @Test
  void usersAreUniqueByAddressAndPasswordsAreStoredAsHashes() {
    String email = "unique-" + UUID.randomUUID() + "@example.com";
    String userId = register(email).path("user").path("userId").asText();

    APIGatewayV2HTTPResponse again =
        open(
            HttpApiEvents.post("/v1/auth/register")
                .jsonBody(
                    "{\"email\":\""
                        + email.toUpperCase(java.util.Locale.ROOT)
                        + "\",\"password\":\"another long password\",\"displayName\":\"x\"}"));
    assertThat(again.getStatusCode()).isEqualTo(409);

    Map<String, AttributeValue> profile =
        env.dynamoDb()
            .getItem(
                r ->
                    r.tableName(env.tableName("UsersTable"))
                        .key(
                            Map.of(
                                "pk", AttributeValue.builder().s("USER#" + userId).build(),
                                "sk", AttributeValue.builder().s("PROFILE").build())))
            .item();
    assertThat(profile.get("passwordHash").s())
        .startsWith("pbkdf2-sha256$600000$")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aRefreshTokenRotatesOnceAndItsReuseRevokesTheLogin() {
    JsonNode session = register("refresh-" + UUID.randomUUID() + "@example.com");
    String first = session.path("refreshToken").asText();

    APIGatewayV2HTTPResponse rotated =
        open(
            HttpApiEvents.post("/v1/auth/refresh")
                .jsonBody("{\"refreshToken\":\"" + first + "\"}"));
    assertThat(rotated.getStatusCode()).as(rotated.getBody()).isEqualTo(200);
    String second = Json.readTree(rotated.getBody()).path("refreshToken").asText();

    assertThat(
            open(HttpApiEvents.post("/v1/auth/refresh")
                    .jsonBody("{\"refreshToken\":\"" + first + "\"}"))
                .getStatusCode())
        .isEqualTo(401);
    assertThat(
            open(HttpApiEvents.post("/v1/auth/refresh")
                    .jsonBody("{\"refreshToken\":\"" + second + "\"}"))
                .getStatusCode())
        .isEqualTo(401);
  }
}
