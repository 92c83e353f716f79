package dev.finpilot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.auth.TokenRejectedException.Reason;
import dev.finpilot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session check and its cache, with a clock the tests move. */
class AuthenticatorTest {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final AccessTokens tokens =
      new AccessTokens(
          () -> new SigningKeys(SigningKey.of("k1", "a".repeat(64)), List.of()), clock);
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final Authenticator authenticator = new Authenticator(tokens, sessions, clock);

  private AccessToken started(String userId, String sessionId, Instant sessionEnd) {
    sessions.addAccount(userId);
    sessions.start(new Session(sessionId, userId, NOW, sessionEnd, null));
    return tokens.issue(userId, sessionId);
  }

  private void assertRefused(String token, Reason reason) {
    assertThatThrownBy(() -> authenticator.authenticate(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void aTokenOfALiveSessionOfAnExistingAccountIsAccepted() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofDays(7)));

    AccessToken accepted = authenticator.authenticate(token.token());

    assertThat(accepted.userId()).isEqualTo("ada");
    assertThat(accepted.sessionId()).isEqualTo("s-1");
  }

  @Test
  void theStandingIsReadOncePerMinuteAtMost() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofDays(7)));

    authenticator.authenticate(token.token());
    clock.advance(Authenticator.MAX_CACHE_AGE.minusSeconds(1));
    authenticator.authenticate(token.token());
    assertThat(sessions.standingReads()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    authenticator.authenticate(token.token());
    assertThat(sessions.standingReads()).isEqualTo(2);
  }

  @Test
  void aRevokedSessionIsRefusedOnceTheRememberedDecisionRunsOut() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofDays(7)));
    authenticator.authenticate(token.token());

    sessions.revoke("ada", "s-1", clock.instant());
    clock.advance(Authenticator.MAX_CACHE_AGE);

    assertRefused(token.token(), Reason.SESSION_REVOKED);
  }

  @Test
  void aRememberedDecisionNeverOutlivesTheToken() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofDays(7)));
    clock.advance(AccessTokens.LIFETIME.minusSeconds(30));
    authenticator.authenticate(token.token());

    clock.advance(Duration.ofSeconds(30));

    assertRefused(token.token(), Reason.EXPIRED);
  }

  @Test
  void aTokenOfAMissingAccountOrAnUnknownSessionIsRefusedAndNotRemembered() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofDays(7)));
    sessions.removeAccount("ada");

    assertRefused(token.token(), Reason.NO_ACCOUNT);
    assertRefused(tokens.issue("ada", "s-2").token(), Reason.NO_ACCOUNT);
    sessions.addAccount("ada");
    assertRefused(tokens.issue("ada", "s-2").token(), Reason.NO_SESSION);
    assertThat(authenticator.authenticate(token.token()).userId()).isEqualTo("ada");
  }

  @Test
  void aSessionThatRanOutIsRefused() {
    AccessToken token = started("ada", "s-1", NOW.plus(Duration.ofMinutes(5)));
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> authenticator.authenticate(token.token()))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED);
              assertThat(e.userId()).isEqualTo("ada");
            });
  }

  @Test
  void aFullCacheIsEmptiedRatherThanGrowing() {
    String first = started("u", "s-0", NOW.plus(Duration.ofDays(1))).token();
    authenticator.authenticate(first);
    for (int i = 1; i <= Authenticator.MAX_CACHED; i++) {
      authenticator.authenticate(started("u", "s-" + i, NOW.plus(Duration.ofDays(1))).token());
    }
    int reads = sessions.standingReads();

    authenticator.authenticate(first);

    assertThat(sessions.standingReads()).isEqualTo(reads + 1);
  }
}
