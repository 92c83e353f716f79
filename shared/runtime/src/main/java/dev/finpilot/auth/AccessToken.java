package dev.finpilot.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed access token and what it says.
 *
 * @param token the compact JWS, sent as {@code Authorization: Bearer <token>}
 * @param userId the {@code sub} claim: the only identity the API trusts
 * @param sessionId the {@code sid} claim: the login this token belongs to; ending the session ends
 *     the token
 * @param tokenId the {@code jti} claim, unique per token (for logs and audit)
 */
public record AccessToken(
    String token, String userId, String sessionId, String tokenId, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the token itself. */
  @Override
  public String toString() {
    return "AccessToken[userId="
        + userId
        + ", sessionId="
        + sessionId
        + ", tokenId="
        + tokenId
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
