package dev.finpilot.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One login of a user: it starts at registration or login, lasts as long as its refresh tokens
 * (each refresh moves {@code expiresAt} on) and ends when it runs out or is revoked (logout, and
 * every session of the user at once on a password change or erasure). Every access token names its
 * session in the {@code sid} claim, and is honoured only while the session is {@link #activeAt
 * active}.
 *
 * @param revokedAt when it was ended, or {@code null}
 */
public record Session(
    String sessionId, String userId, Instant startedAt, Instant expiresAt, Instant revokedAt) {

  public Session {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean activeAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
