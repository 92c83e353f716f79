package dev.finpilot.auth;

import dev.finpilot.auth.TokenRejectedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether an access token may act: its signature and claims ({@link AccessTokens}), then
 * its standing: the account named by {@code sub} exists, and the session named by {@code sid}
 * belongs to it, is not revoked and has not run out.
 *
 * <p>The signature and expiry are checked on every call (no I/O). Only the standing, a read of the
 * users table, is remembered per token id, for at most {@link #MAX_CACHE_AGE} and never past the
 * token's expiry: a revoked session stops working within a minute in a warm function, and an
 * expired token is refused the moment it expires. Refusals are not remembered.
 */
public final class Authenticator {
  public static final Duration MAX_CACHE_AGE = Duration.ofSeconds(60);

  /** A bound on memory; past it the confirmations are dropped and read again. */
  static final int MAX_CACHED = 10_000;

  private final AccessTokens tokens;
  private final SessionStore sessions;
  private final Clock clock;
  private final Map<String, Instant> confirmedUntil = new ConcurrentHashMap<>();

  public Authenticator(AccessTokens tokens, SessionStore sessions, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The token's content, if it may act now.
   *
   * @throws TokenRejectedException naming the first check that failed
   */
  public AccessToken authenticate(String token) {
    AccessToken verified = tokens.verify(token);
    Instant now = clock.instant();
    Instant until = confirmedUntil.get(verified.tokenId());
    if (until != null && now.isBefore(until)) {
      return verified;
    }
    requireStanding(verified, now);
    remember(verified, now);
    return verified;
  }

  private void requireStanding(AccessToken token, Instant now) {
    SessionStore.Standing standing = sessions.standing(token.userId(), token.sessionId());
    if (!standing.accountExists()) {
      throw new TokenRejectedException(Reason.NO_ACCOUNT, "no account", token.userId());
    }
    Session session =
        standing
            .session()
            .filter(s -> s.userId().equals(token.userId()))
            .orElseThrow(
                () ->
                    new TokenRejectedException(
                        Reason.NO_SESSION, "sid " + token.sessionId(), token.userId()));
    if (session.revokedAt() != null) {
      throw new TokenRejectedException(
          Reason.SESSION_REVOKED,
          "sid " + token.sessionId() + " at " + session.revokedAt(),
          token.userId());
    }
    if (!session.activeAt(now)) {
      throw new TokenRejectedException(
          Reason.SESSION_EXPIRED,
          "sid " + token.sessionId() + " at " + session.expiresAt(),
          token.userId());
    }
  }

  private void remember(AccessToken token, Instant now) {
    if (confirmedUntil.size() >= MAX_CACHED) {
      confirmedUntil.values().removeIf(until -> !now.isBefore(until));
      if (confirmedUntil.size() >= MAX_CACHED) {
        confirmedUntil.clear();
      }
    }
    Instant cap = now.plus(MAX_CACHE_AGE);
    confirmedUntil.put(token.tokenId(), token.expiresAt().isBefore(cap) ? token.expiresAt() : cap);
  }
}
