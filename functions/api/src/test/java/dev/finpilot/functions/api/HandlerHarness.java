package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.SigningKey;
import dev.finpilot.auth.SigningKeys;
import dev.finpilot.execution.DelegatingStore;
import dev.finpilot.execution.InMemoryLedgerStore;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import dev.finpilot.functions.api.accounts.PasswordHasher;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testing.MutableClock;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One API handler per test class, wired to in-memory fakes that are emptied before each test. The
 * clock stands at the time of the sample events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HandlerHarness {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final String USER = "user-123";

  static final SigningKeys KEYS =
      new SigningKeys(SigningKey.of("test-k1", "k".repeat(64)), List.of());

  final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  final RecordingBus bus = new RecordingBus();
  final InMemoryStores stores = new InMemoryStores();
  final MutableClock clock = new MutableClock(NOW);
  InMemoryLedgerStore ledger = new InMemoryLedgerStore();
  volatile HealthReport health;
  final AccessTokens accessTokens = new AccessTokens(() -> KEYS, clock);
  final List<PlanRecord> notified = new CopyOnWriteArrayList<>();
  final FakeMarketData marketData = new FakeMarketData();
  final ApiHandler handler =
      new ApiHandler(
          new ApiBackend(
              plans,
              bus,
              new DelegatingStore(() -> ledger),
              () -> health,
              stores.users,
              stores.refreshTokens,
              stores.sessions,
              stores.limits,
              stores.limits,
              stores.idempotency,
              accessTokens,
              // Fewer iterations than production (PasswordHasherTest checks that default), so
              // tests that register and log in stay fast.
              new PasswordHasher(PasswordHasher.MIN_ITERATIONS_FOR_TESTS, new SecureRandom()),
              clock,
              (updated, event) -> notified.add(updated),
              marketData,
              stores.connections,
              stores.personalData));

  @BeforeEach
  void reset() {
    plans.clear();
    bus.clear();
    notified.clear();
    stores.clear();
    ledger = new InMemoryLedgerStore();
    marketData.clear();
    clock.set(NOW);
    account(USER);
    health =
        new HealthReport(Status.OK, Map.of("workflow", new QueueHealth(Status.OK, 0L, 0L, 0L)));
  }

  @AfterAll
  void close() {
    handler.getApplicationContext().close();
  }

  /** An account for {@code userId}, as registration would store it (plans need their owner's). */
  void account(String userId) {
    stores.users.create(
        new User(userId, userId + "@example.com", "Test User", "not a usable hash", NOW));
  }

  APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  APIGatewayV2HTTPResponse call(HttpApiEvents.Builder request) {
    return call(request.build());
  }

  /** {@code GET path} as {@code userId} (as the authorizer would describe them). */
  APIGatewayV2HTTPResponse get(String userId, String path) {
    return call(HttpApiEvents.get(path).identity(userId));
  }

  /** {@code POST path} with a JSON body as {@code userId}; {@code null} body: none. */
  APIGatewayV2HTTPResponse post(String userId, String path, String json) {
    HttpApiEvents.Builder request = HttpApiEvents.post(path).identity(userId);
    if (json != null) {
      request.jsonBody(json);
    }
    return call(request);
  }

  /** {@code POST path} with a JSON body and no identity (a public route). */
  APIGatewayV2HTTPResponse postPublic(String path, String json) {
    return call(HttpApiEvents.post(path).jsonBody(json));
  }

  /** Registers through the API and returns the token response. */
  JsonNode register(String email, String password) {
    APIGatewayV2HTTPResponse response =
        postPublic(
            "/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + password
                + "\",\"displayName\":\"Test User\"}");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return body(response);
  }

  /** The sample planning request's body, valid for {@link #TODAY}. */
  static String samplePlanBody() {
    return ApiEvents.load("create-plan.json").getBody();
  }

  static JsonNode body(APIGatewayV2HTTPResponse response) {
    return Json.readTree(response.getBody());
  }

  /**
   * Asserts an RFC 9457 problem response and returns its body. The correlation id must be the same
   * in the header and the body.
   */
  static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String type) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("type").asText()).isEqualTo("/problems/" + type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).startsWith("/");
    assertThat(problem.path("correlationId").asText())
        .isNotBlank()
        .isEqualTo(response.getHeaders().get(CorrelationId.HEADER));
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }
}
