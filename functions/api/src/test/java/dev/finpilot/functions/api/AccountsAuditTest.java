package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.accounts.Accounts.Credentials;
import dev.finpilot.functions.api.accounts.Accounts.Source;
import dev.finpilot.functions.api.accounts.LoginThrottle;
import dev.finpilot.functions.api.accounts.PasswordHasher;
import dev.finpilot.functions.api.accounts.RefreshTokens;
import dev.finpilot.messaging.Json;
import dev.finpilot.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What account steps write to the audit log, and what they never write there. */
class AccountsAuditTest {
  private static final String PASSWORD = "correct horse battery";
  private static final Source FROM = new Source("198.51.100.7", "corr-1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:05:07Z"));
  private final InMemoryStores stores = new InMemoryStores();
  private final List<String> lines = new ArrayList<>();
  private final Accounts accounts =
      new Accounts(
          stores.users,
          new PasswordHasher(PasswordHasher.MIN_ITERATIONS_FOR_TESTS, new SecureRandom()),
          new AccessTokens(() -> HandlerHarness.KEYS, clock),
          new RefreshTokens(stores.refreshTokens, new SecureRandom(), clock),
          stores.sessions,
          new LoginThrottle(stores.limits, clock),
          stores.connections,
          new AuditLog(lines::add),
          clock);

  private List<JsonNode> audit() {
    return lines.stream().map(Json::readTree).toList();
  }

  @Test
  void aFailedLoginIsAuditedWithTheUserAndCorrelationButNoPassword() {
    Credentials ada = accounts.register("ada@example.com", PASSWORD, "Ada", FROM);
    lines.clear();

    assertThatThrownBy(() -> accounts.login("ada@example.com", "not the password", FROM))
        .isInstanceOf(Accounts.Refusal.class);

    assertThat(lines).singleElement().asString().doesNotContain("not the password", PASSWORD);
    JsonNode line = audit().get(0);
    assertThat(line.path("audit").asText()).isEqualTo("LOGIN_FAILED");
    assertThat(line.path("userId").asText()).isEqualTo(ada.user().userId());
    assertThat(line.path("correlationId").asText()).isEqualTo("corr-1");
    assertThat(line.path("sourceIp").asText()).isEqualTo("198.51.100.7");
  }

  @Test
  void successAndLogoutAreAuditedWithoutAnyToken() {
    Credentials ada = accounts.register("ada@example.com", PASSWORD, "Ada", FROM);
    Credentials again = accounts.login("ada@example.com", PASSWORD, FROM);
    accounts.logout(
        ada.user().userId(), again.accessToken().sessionId(), again.refreshToken().token(), FROM);

    assertThat(audit())
        .extracting(l -> l.path("audit").asText())
        .containsExactly("REGISTERED", "LOGIN_SUCCEEDED", "LOGGED_OUT");
    for (Credentials c : List.of(ada, again)) {
      assertThat(lines)
          .noneMatch(l -> l.contains(c.accessToken().token()))
          .noneMatch(l -> l.contains(c.refreshToken().token()));
    }
    assertThat(audit().get(2).path("sessionId").asText())
        .isEqualTo(again.accessToken().sessionId());
  }

  @Test
  void aPasswordChangeEndsEverySessionAndIsAuditedWithoutEitherPassword() {
    Credentials first = accounts.register("ada@example.com", PASSWORD, "Ada", FROM);
    Credentials second = accounts.login("ada@example.com", PASSWORD, FROM);
    String userId = first.user().userId();
    lines.clear();

    accounts.changePassword(userId, PASSWORD, "a brand new passphrase", FROM);

    for (Credentials c : List.of(first, second)) {
      assertThat(
              stores.sessions.find(userId, c.accessToken().sessionId()).orElseThrow().revokedAt())
          .isNotNull();
      assertThat(stores.refreshTokens.isRevoked(c.refreshToken().sessionId())).isTrue();
    }
    assertThat(stores.connections.closed).containsExactly("all:" + userId);
    assertThat(lines)
        .singleElement()
        .asString()
        .doesNotContain(PASSWORD, "a brand new passphrase")
        .doesNotContain(first.accessToken().token(), first.refreshToken().token());
    JsonNode line = audit().get(0);
    assertThat(line.path("audit").asText()).isEqualTo("PASSWORD_CHANGED");
    assertThat(line.path("userId").asText()).isEqualTo(userId);
    assertThat(line.path("correlationId").asText()).isEqualTo("corr-1");
    assertThat(line.path("sessionsEnded").asText()).isEqualTo("2");
    assertThatThrownBy(() -> accounts.login("ada@example.com", PASSWORD, FROM))
        .isInstanceOf(Accounts.Refusal.class);
    assertThat(accounts.login("ada@example.com", "a brand new passphrase", FROM).user().userId())
        .isEqualTo(userId);
  }

  @Test
  void aWrongCurrentPasswordChangesNothingAndCountsLikeAFailedLogin() {
    Credentials ada = accounts.register("ada@example.com", PASSWORD, "Ada", FROM);
    String userId = ada.user().userId();
    lines.clear();

    for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_SOURCE; i++) {
      assertThatThrownBy(() -> accounts.changePassword(userId, "a guess", "new password 1", FROM))
          .isInstanceOfSatisfying(
              Accounts.Refusal.class,
              r -> assertThat(r.kind()).isEqualTo(Accounts.Refusal.Kind.WRONG_PASSWORD));
    }
    assertThatThrownBy(() -> accounts.changePassword(userId, PASSWORD, "new password 1", FROM))
        .isInstanceOfSatisfying(
            Accounts.Refusal.class,
            r -> assertThat(r.kind()).isEqualTo(Accounts.Refusal.Kind.THROTTLED));

    assertThat(
            stores.sessions.find(userId, ada.accessToken().sessionId()).orElseThrow().revokedAt())
        .isNull();
    assertThat(audit().get(0).path("audit").asText()).isEqualTo("LOGIN_FAILED");
    assertThat(lines).noneMatch(l -> l.contains("a guess") || l.contains(PASSWORD));
  }

  @Test
  void loggingOutClosesTheSessionsConnections() {
    Credentials ada = accounts.register("ada@example.com", PASSWORD, "Ada", FROM);
    String userId = ada.user().userId();

    accounts.logout(userId, ada.accessToken().sessionId(), ada.refreshToken().token(), FROM);

    assertThat(stores.connections.closed)
        .containsExactly("session:" + userId + ":" + ada.accessToken().sessionId());
  }

  @Test
  void throttlingIsAudited() {
    for (int i = 0; i < LoginThrottle.ATTEMPTS_PER_SOURCE; i++) {
      assertThatThrownBy(() -> accounts.login("nobody@example.com", "guess", FROM))
          .isInstanceOf(Accounts.Refusal.class);
    }
    lines.clear();

    assertThatThrownBy(() -> accounts.login("nobody@example.com", "guess", FROM))
        .isInstanceOfSatisfying(
            Accounts.Refusal.class,
            r -> assertThat(r.kind()).isEqualTo(Accounts.Refusal.Kind.THROTTLED));
    assertThat(audit())
        .singleElement()
        .satisfies(l -> assertThat(l.path("audit").asText()).isEqualTo("LOGIN_THROTTLED"));
  }
}
