package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.cli.SessionStore.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientTest {
  private static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");
  private static final String RENEWED =
      "{\"accessToken\":\"new-access\",\"expiresIn\":900,\"refreshToken\":\"new-refresh\","
          + "\"user\":{\"userId\":\"u-1\",\"email\":\"ada@example.com\"}}";

  @TempDir Path config;
  private StubApi stub;
  private CliRunner cli;

  @BeforeEach
  void start() throws Exception {
    stub = new StubApi();
    cli = new CliRunner(config, stub.url()).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private SessionStore sessions() {
    return new SessionStore(config.resolve("finpilot"));
  }

  private void signIn(Instant accessExpiresAt) {
    sessions()
        .save(
            stub.url(),
            new Session("old-access", "old-refresh", accessExpiresAt, "u-1", "ada@example.com"));
  }

  @Test
  void anExpiredAccessTokenIsRefreshedBeforeTheCallAndTheNewSessionKept() {
    signIn(NOW.minusSeconds(1));
    stub.answer("POST /v1/auth/refresh", 200, RENEWED)
        .answer("GET /v1/plans", 200, "{\"items\":[]}");

    CliRunner.Result result = cli.run("plans", "--json");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(stub.requests)
        .extracting(StubApi.Request::path)
        .containsExactly("/v1/auth/refresh", "/v1/plans?limit=20");
    assertThat(stub.requests.get(0).body()).contains("old-refresh");
    assertThat(stub.requests.get(1).authorization()).isEqualTo("Bearer new-access");
    assertThat(sessions().find(stub.url()).orElseThrow().refreshToken()).isEqualTo("new-refresh");
    assertThat(sessions().find(stub.url()).orElseThrow().accessExpiresAt())
        .isEqualTo(NOW.plusSeconds(900));
  }

  @Test
  void aTokenTheGatewayRefusesIsRefreshedOnceAndTheCallRetried() {
    signIn(NOW.plusSeconds(600));
    stub.answer("GET /v1/plans", 403, "{\"message\":\"Forbidden\"}")
        .answer("GET /v1/plans", 200, "{\"items\":[]}")
        .answer("POST /v1/auth/refresh", 200, RENEWED);

    CliRunner.Result result = cli.run("plans");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(stub.requests)
        .extracting(StubApi.Request::authorization)
        .containsExactly("Bearer old-access", null, "Bearer new-access");
  }

  @Test
  void aRefusedRefreshEndsTheSessionHereWithExitCodeThree() {
    signIn(NOW.minusSeconds(1));
    stub.answer(
        "POST /v1/auth/refresh",
        401,
        "{\"type\":\"/problems/invalid-refresh-token\",\"title\":\"Invalid refresh token\","
            + "\"status\":401,\"correlationId\":\"c-1\"}");

    CliRunner.Result result = cli.run("plans");

    assertThat(result.exit()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
    assertThat(result.err()).contains("session has ended").contains("c-1");
    assertThat(sessions().find(stub.url())).isEmpty();
  }

  @Test
  void aProblemOfTheApiItselfIsNotMistakenForAnExpiredToken() {
    signIn(NOW.plusSeconds(600));
    stub.answer(
        "POST /v1/me/password",
        401,
        "{\"type\":\"/problems/invalid-credentials\",\"title\":\"Invalid credentials\","
            + "\"status\":401,\"correlationId\":\"c-2\"}");

    CliRunner.Result result = cli.runWithInput("wrong\nnew password long enough\n", "password");

    assertThat(result.exit()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
    assertThat(result.err()).contains("Invalid credentials (401)").contains("c-2");
    assertThat(stub.requests).extracting(StubApi.Request::path).containsExactly("/v1/me/password");
  }

  @Test
  void noAnswerAtAllIsExitCodeFive() {
    signIn(NOW.plusSeconds(600));
    CliRunner unreachable =
        new CliRunner(config, "http://127.0.0.1:1").clock(Clock.fixed(NOW, ZoneOffset.UTC));
    new SessionStore(config.resolve("finpilot"))
        .save(
            "http://127.0.0.1:1",
            new Session("a", "r", NOW.plusSeconds(600), "u-1", "ada@example.com"));

    CliRunner.Result result = unreachable.run("plans");

    assertThat(result.exit()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(result.err()).contains("cannot reach the FinPilot API at http://127.0.0.1:1");
  }
}
