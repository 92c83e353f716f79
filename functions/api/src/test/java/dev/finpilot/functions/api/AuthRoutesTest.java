package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.auth.AccessToken;
import dev.finpilot.functions.api.accounts.LoginThrottle;
import dev.finpilot.functions.api.accounts.RefreshTokens;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthRoutesTest extends HandlerHarness {
  static final String PASSWORD = "correct horse battery";

  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  APIGatewayV2HTTPResponse login(String email, String password) {
    return postPublic("/v1/auth/login", credentials(email, password));
  }

  APIGatewayV2HTTPResponse loginFrom(String ip, String email, String password) {
    return call(
        HttpApiEvents.post("/v1/auth/login").sourceIp(ip).jsonBody(credentials(email, password)));
  }

  APIGatewayV2HTTPResponse refresh(String refreshToken) {
    return postPublic("/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
  }

  @Test
  void registeringCreatesTheAccountAndLogsIn() {
    APIGatewayV2HTTPResponse response =
        postPublic(
            "/v1/auth/register",
            "{\"email\":\" Ada@Example.COM \",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Ada\"}");

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders())
        .containsEntry("Location", "/v1/me")
        .containsEntry("Cache-Control", "no-store");
    JsonNode tokens = body(response);
    assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
    assertThat(tokens.path("refreshExpiresIn").asLong()).isEqualTo(7 * 24 * 3600);
    String userId = tokens.path("user").path("userId").asText();
    assertThat(tokens.path("user").path("email").asText()).isEqualTo("ada@example.com");
    AccessToken access = accessTokens.verify(tokens.path("accessToken").asText());
    assertThat(access.userId()).isEqualTo(userId);
    User stored = stores.users.find(userId).orElseThrow();
    assertThat(stored.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);
    assertThat(response.getBody()).doesNotContain("pbkdf2").doesNotContain("passwordHash");
  }

  @Test
  void anAddressRegistersOnceWhateverItsCase() {
    register("ada@example.com", PASSWORD);

    JsonNode problem =
        problem(
            postPublic(
                "/v1/auth/register",
                "{\"email\":\"ADA@example.com\",\"password\":\"another long password\","
                    + "\"displayName\":\"Impostor\"}"),
            409,
            "conflict");
    assertThat(problem.path("detail").asText()).contains("exists");
  }

  @Test
  void invalidRegistrationsNameEveryField() {
    JsonNode problem =
        problem(
            postPublic(
                "/v1/auth/register",
                "{\"email\":\"not-an-address\",\"password\":\"short\",\"displayName\":\" \"}"),
            422,
            "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("email", "password", "displayName");
    problem(postPublic("/v1/auth/register", "{\"email\":\"a@b.co\"}"), 422, "validation-failed");
  }

  @Test
  void malformedWrongTypeAndOversizedAuthBodiesAreRefused() {
    problem(postPublic("/v1/auth/login", "{\"email\":"), 400, "invalid-request");
    JsonNode unknown =
        problem(
            postPublic(
                "/v1/auth/login", "{\"email\":\"a@b.co\",\"password\":\"x\",\"admin\":true}"),
            400,
            "invalid-request");
    assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("admin");
    JsonNode wrongType =
        problem(
            postPublic("/v1/auth/login", "{\"email\":[\"a@b.co\"],\"password\":\"x\"}"),
            400,
            "invalid-request");
    assertThat(wrongType.path("errors").get(0).path("field").asText()).isEqualTo("email");
    problem(
        call(HttpApiEvents.post("/v1/auth/login").body(credentials("a@b.co", "x"), "text/plain")),
        415,
        "unsupported-media-type");
    String huge = "{\"email\":\"a@b.co\",\"password\":\"" + "x".repeat(9000) + "\"}";
    problem(postPublic("/v1/auth/login", huge), 413, "payload-too-large");
  }

  @Test
  void theRightPasswordLogsInAndAWrongOneOrAnUnknownAddressAreRefusedAlike() {
    String userId = register("ada@example.com", PASSWORD).path("user").path("userId").asText();

    APIGatewayV2HTTPResponse ok = login("ADA@example.com", PASSWORD);
    assertThat(ok.getStatusCode()).isEqualTo(200);
    assertThat(accessTokens.verify(body(ok).path("accessToken").asText()).userId())
        .isEqualTo(userId);

    JsonNode wrong =
        problem(login("ada@example.com", "wrong password!!"), 401, "invalid-credentials");
    JsonNode unknown = problem(login("nobody@example.com", PASSWORD), 401, "invalid-credentials");
    assertThat(wrong.path("detail")).isEqualTo(unknown.path("detail"));
  }

  @Test
  void fiveFailedLoginsFromOneAddressStopThatAddressForTheRestOfTheWindowOnly() {
    register("ada@example.com", PASSWORD);
    for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_SOURCE; i++) {
      problem(
          loginFrom("198.51.100.66", "ada@example.com", "guess number " + i),
          401,
          "invalid-credentials");
    }

    APIGatewayV2HTTPResponse locked = loginFrom("198.51.100.66", "ada@example.com", PASSWORD);

    problem(locked, 429, "too-many-requests");
    assertThat(loginFrom("203.0.113.5", "ada@example.com", PASSWORD).getStatusCode())
        .as("the owner elsewhere is not locked out")
        .isEqualTo(200);
    long retryAfter = Long.parseLong(locked.getHeaders().get("Retry-After"));
    assertThat(retryAfter).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
    clock.advance(Duration.ofSeconds(retryAfter));
    assertThat(loginFrom("198.51.100.66", "ada@example.com", PASSWORD).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void guessesFromManyAddressesHoldBackNewAddressesButNotOnesTheOwnerSignedInFrom() {
    register("ada@example.com", PASSWORD);
    assertThat(loginFrom("203.0.113.5", "ada@example.com", PASSWORD).getStatusCode())
        .isEqualTo(200);
    for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT; i++) {
      loginFrom("198.51.100." + i, "ada@example.com", "guess number " + i);
    }

    problem(loginFrom("192.0.2.200", "ada@example.com", PASSWORD), 429, "too-many-requests");
    assertThat(loginFrom("203.0.113.5", "ada@example.com", PASSWORD).getStatusCode())
        .as("an address the owner signed in from stays open")
        .isEqualTo(200);
  }

  @Test
  void loginStartsASessionThatRefreshContinuesAndLogoutEnds() {
    JsonNode ada = register("ada@example.com", PASSWORD);
    String adaId = ada.path("user").path("userId").asText();
    String sessionId = accessTokens.verify(ada.path("accessToken").asText()).sessionId();
    assertThat(stores.sessions.find(adaId, sessionId)).isPresent();

    clock.advance(Duration.ofDays(1));
    JsonNode refreshed = body(refresh(ada.path("refreshToken").asText()));
    assertThat(accessTokens.verify(refreshed.path("accessToken").asText()).sessionId())
        .isEqualTo(sessionId);
    assertThat(stores.sessions.find(adaId, sessionId).orElseThrow().expiresAt())
        .isEqualTo(clock.instant().plus(RefreshTokens.LIFETIME));

    APIGatewayV2HTTPResponse out =
        post(
            adaId,
            "/v1/auth/logout",
            "{\"refreshToken\":\"" + refreshed.path("refreshToken").asText() + "\"}");
    assertThat(out.getStatusCode()).isEqualTo(204);
    assertThat(stores.sessions.find(adaId, sessionId).orElseThrow().revokedAt())
        .isEqualTo(clock.instant());
  }

  @Test
  void aReusedRefreshTokenEndsItsSessionsAccessTokensToo() {
    JsonNode ada = register("ada@example.com", PASSWORD);
    String adaId = ada.path("user").path("userId").asText();
    String sessionId = accessTokens.verify(ada.path("accessToken").asText()).sessionId();
    refresh(ada.path("refreshToken").asText());

    problem(refresh(ada.path("refreshToken").asText()), 401, "invalid-refresh-token");

    assertThat(stores.sessions.find(adaId, sessionId).orElseThrow().revokedAt()).isNotNull();
  }

  @Test
  void aRefreshTokenOfARevokedSessionIsRefused() {
    JsonNode ada = register("ada@example.com", PASSWORD);
    String adaId = ada.path("user").path("userId").asText();
    stores.sessions.revokeAll(adaId, clock.instant());

    JsonNode refused =
        problem(refresh(ada.path("refreshToken").asText()), 401, "invalid-refresh-token");

    assertThat(refused.path("detail").asText()).contains("session has ended");
  }

  @Test
  void oneSourceMakingTooManyAttemptsIsThrottledWhileOthersAreNot() {
    register("ada@example.com", PASSWORD);
    for (int i = 0; i < LoginThrottle.ATTEMPTS_PER_SOURCE; i++) {
      loginFrom("198.51.100.7", "user" + i + "@example.com", PASSWORD);
    }

    problem(loginFrom("198.51.100.7", "ada@example.com", PASSWORD), 429, "too-many-requests");
    assertThat(loginFrom("198.51.100.8", "ada@example.com", PASSWORD).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeLogin() {
    JsonNode session = register("ada@example.com", PASSWORD);
    String first = session.path("refreshToken").asText();

    APIGatewayV2HTTPResponse rotated = refresh(first);
    assertThat(rotated.getStatusCode()).isEqualTo(200);
    String second = body(rotated).path("refreshToken").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(accessTokens.verify(body(rotated).path("accessToken").asText()).userId())
        .isEqualTo(session.path("user").path("userId").asText());

    JsonNode reuse = problem(refresh(first), 401, "invalid-refresh-token");
    assertThat(reuse.path("detail").asText()).contains("used before");
    problem(refresh(second), 401, "invalid-refresh-token");
  }

  @Test
  void storedRefreshTokensAreHashesNeverTheTokens() {
    String token = register("ada@example.com", PASSWORD).path("refreshToken").asText();

    assertThat(stores.refreshTokens.hashes()).hasSize(1).doesNotContain(token);
  }

  @Test
  void anExpiredOrUnknownRefreshTokenIsRefused() {
    String token = register("ada@example.com", PASSWORD).path("refreshToken").asText();
    clock.advance(Duration.ofDays(7));

    assertThat(problem(refresh(token), 401, "invalid-refresh-token").path("detail").asText())
        .contains("expired");
    problem(refresh("A".repeat(43)), 401, "invalid-refresh-token");
    problem(refresh("not a token"), 401, "invalid-refresh-token");
    problem(postPublic("/v1/auth/refresh", "{}"), 422, "validation-failed");
  }

  @Test
  void logoutEndsTheLoginOfTheCallersOwnTokenOnly() {
    JsonNode ada = register("ada@example.com", PASSWORD);
    JsonNode bob = register("bob@example.com", PASSWORD);
    String adaId = ada.path("user").path("userId").asText();

    APIGatewayV2HTTPResponse foreign =
        post(
            adaId,
            "/v1/auth/logout",
            "{\"refreshToken\":\"" + bob.path("refreshToken").asText() + "\"}");
    assertThat(foreign.getStatusCode()).isEqualTo(204);
    assertThat(refresh(bob.path("refreshToken").asText()).getStatusCode()).isEqualTo(200);

    APIGatewayV2HTTPResponse own =
        post(
            adaId,
            "/v1/auth/logout",
            "{\"refreshToken\":\"" + ada.path("refreshToken").asText() + "\"}");
    assertThat(own.getStatusCode()).isEqualTo(204);
    problem(refresh(ada.path("refreshToken").asText()), 401, "invalid-refresh-token");
  }

  @Test
  void logoutNeedsAnAuthenticatedCaller() {
    problem(postPublic("/v1/auth/logout", "{\"refreshToken\":\"x\"}"), 401, "unauthenticated");
  }

  @Test
  void meShowsTheCallersAccountWithoutSecrets() {
    JsonNode session = register("ada@example.com", PASSWORD);
    String userId = session.path("user").path("userId").asText();

    APIGatewayV2HTTPResponse response = get(userId, "/v1/me");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode me = body(response);
    assertThat(me.path("userId").asText()).isEqualTo(userId);
    assertThat(me.path("email").asText()).isEqualTo("ada@example.com");
    assertThat(me.path("displayName").asText()).isEqualTo("Test User");
    assertThat(response.getBody()).doesNotContain("pbkdf2");
    problem(get("no-such-user", "/v1/me"), 404, "not-found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/me", "/v1/plans", "/v1/ledger", "/v1/portfolio"})
  void protectedReadsNeedAnAuthenticatedCaller(String path) {
    problem(call(HttpApiEvents.get(path)), 401, "unauthenticated");
  }
}
