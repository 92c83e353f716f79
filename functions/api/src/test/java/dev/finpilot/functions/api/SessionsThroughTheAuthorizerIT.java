package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.aws.DynamoSessionStore;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SecretsManagerSigningKeys;
import dev.finpilot.functions.authorizer.AuthorizerHandler;
import dev.finpilot.messaging.Json;
import dev.finpilot.testing.MutableClock;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access tokens that must stop working, through the real authorizer (the stack's key, the stack's
 * users table, its minute-long memory of a session check) in front of the real API function, with
 * the authorizer's clock in the test's hands.
 */
@WithAwsBackend
class SessionsThroughTheAuthorizerIT {
  private static final String PASSWORD = "a long enough password";

  private final Environment env;
  private final ApiHandler api;
  private final MutableClock clock = new MutableClock(Instant.now());
  private final AccessTokens stackTokens;
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final HttpApiAuthorizer gateway;

  SessionsThroughTheAuthorizerIT(Environment env) {
    this.env = env;
    this.api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    FunctionEnvironment authorizerEnv =
        new FunctionEnvironment(env.functionEnv("AuthorizerFunction"));
    this.stackTokens =
        new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(authorizerEnv), clock);
    this.gateway =
        new HttpApiAuthorizer(
            new AuthorizerHandler(
                new Authenticator(
                    stackTokens,
                    new DynamoSessionStore(env.dynamoDb(), authorizerEnv.require("USERS_TABLE")),
                    clock),
                new AuditLog(audit::add)),
            List.of("Authorization"),
            Duration.ZERO,
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    api.getApplicationContext().close();
  }

  private APIGatewayV2HTTPResponse guarded(HttpApiEvents.Builder request) {
    HttpApiAuthorizer.Decision decision = gateway.authorize(request.build(), null);
    if (decision instanceof HttpApiAuthorizer.Decision.Refused refused) {
      return refused.response();
    }
    return api.handleRequest(((HttpApiAuthorizer.Decision.Allowed) decision).event(), null);
  }

  private JsonNode register() {
    APIGatewayV2HTTPResponse response =
        api.handleRequest(
            HttpApiEvents.post("/v1/auth/register")
                .jsonBody(
                    "{\"email\":\"session-"
                        + UUID.randomUUID()
                        + "@example.com\",\"password\":\""
                        + PASSWORD
                        + "\",\"displayName\":\"IT\"}")
                .build(),
            null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    catchUp();
    return Json.readTree(response.getBody());
  }

  /**
   * Moves the authorizer's clock to now: the API issues tokens on the system clock, and hashing a
   * password can take longer on a loaded machine than the skew a token's issue time is allowed.
   */
  private void catchUp() {
    clock.set(Instant.now());
  }

  private int me(String token) {
    return guarded(HttpApiEvents.get("/v1/me").header("Authorization", "Bearer " + token))
        .getStatusCode();
  }

  private APIGatewayV2HTTPResponse createPlan(String token) {
    return guarded(
        HttpApiEvents.post("/v1/plans")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .jsonBody(HandlerHarness.samplePlanBody()));
  }

  @Test
  void aValidlySignedTokenForAnAccountThatDoesNotExistCreatesNoPlan() {
    String ghost = stackTokens.issue("ghost-" + UUID.randomUUID(), "made-up-session").token();

    assertThat(createPlan(ghost).getStatusCode()).isEqualTo(403);
    assertThat(me(ghost)).isEqualTo(403);
    assertThat(audit).allMatch(l -> l.contains("NO_ACCOUNT")).noneMatch(l -> l.contains(ghost));
  }

  @Test
  void aTokenWithAMadeUpSessionOfARealAccountIsRefused() {
    String userId = register().path("user").path("userId").asText();

    assertThat(me(stackTokens.issue(userId, "made-up-session").token())).isEqualTo(403);
    assertThat(audit).singleElement().asString().contains("NO_SESSION").contains(userId);
  }

  @Test
  void afterLogoutTheAccessTokenStopsWorkingWithinAMinute() {
    JsonNode session = register();
    String token = session.path("accessToken").asText();
    assertThat(me(token)).isEqualTo(200);

    APIGatewayV2HTTPResponse out =
        guarded(
            HttpApiEvents.post("/v1/auth/logout")
                .header("Authorization", "Bearer " + token)
                .jsonBody("{\"refreshToken\":\"" + session.path("refreshToken").asText() + "\"}"));
    assertThat(out.getStatusCode()).as(out.getBody()).isEqualTo(204);

    clock.advance(Authenticator.MAX_CACHE_AGE);
    assertThat(me(token)).isEqualTo(403);
    assertThat(createPlan(token).getStatusCode()).isEqualTo(403);
    assertThat(audit).last().asString().contains("SESSION_REVOKED");
  }

  @Test
  void afterAPasswordChangeEveryTokenOfTheAccountStopsWorkingWithinAMinute() {
    JsonNode session = register();
    String token = session.path("accessToken").asText();
    assertThat(me(token)).isEqualTo(200);

    APIGatewayV2HTTPResponse changed =
        guarded(
            HttpApiEvents.post("/v1/me/password")
                .header("Authorization", "Bearer " + token)
                .jsonBody(
                    "{\"currentPassword\":\""
                        + PASSWORD
                        + "\",\"newPassword\":\"an even longer new password\"}"));
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(204);

    clock.advance(Authenticator.MAX_CACHE_AGE);
    assertThat(me(token)).isEqualTo(403);
    assertThat(createPlan(token).getStatusCode()).isEqualTo(403);
    assertThat(audit).last().asString().contains("SESSION_REVOKED");
    APIGatewayV2HTTPResponse refreshed =
        api.handleRequest(
            HttpApiEvents.post("/v1/auth/refresh")
                .jsonBody("{\"refreshToken\":\"" + session.path("refreshToken").asText() + "\"}")
                .build(),
            null);
    assertThat(refreshed.getStatusCode()).isEqualTo(401);
  }

  @Test
  void afterErasureTheAccountsTokenIsRefusedEverywhereWithinAMinute() {
    String token = register().path("accessToken").asText();
    assertThat(me(token)).isEqualTo(200);

    APIGatewayV2HTTPResponse erased =
        guarded(HttpApiEvents.delete("/v1/me").header("Authorization", "Bearer " + token));
    assertThat(erased.getStatusCode()).as(erased.getBody()).isEqualTo(204);
    assertThat(me(token)).as("the authorizer's minute is not over, the API checks").isEqualTo(404);
    assertThat(createPlan(token).getStatusCode()).isEqualTo(401);

    clock.advance(Authenticator.MAX_CACHE_AGE);
    assertThat(me(token)).isEqualTo(403);
    assertThat(createPlan(token).getStatusCode()).isEqualTo(403);
    assertThat(audit).last().asString().contains("NO_ACCOUNT");
  }

  @Test
  void aTokenIsRefusedJustAfterItExpiresThoughItWasAcceptedMomentsBefore() {
    String token = register().path("accessToken").asText();
    Instant expiresAt = stackTokens.verify(token).expiresAt();
    clock.set(expiresAt.minusSeconds(1));
    assertThat(me(token)).isEqualTo(200);

    clock.set(expiresAt);

    assertThat(me(token)).isEqualTo(403);
    assertThat(audit).singleElement().asString().contains("EXPIRED");
  }

  @Test
  void aNormalLoginStillWorksEndToEnd() {
    JsonNode registered = register();
    String email = registered.path("user").path("email").asText();
    APIGatewayV2HTTPResponse login =
        api.handleRequest(
            HttpApiEvents.post("/v1/auth/login")
                .jsonBody("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .build(),
            null);
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(200);
    String token = Json.readTree(login.getBody()).path("accessToken").asText();
    catchUp();

    assertThat(createPlan(token).getStatusCode()).isEqualTo(202);
    assertThat(audit).isEmpty();
  }
}
