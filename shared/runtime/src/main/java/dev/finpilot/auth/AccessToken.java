package dev.finpilot.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed access token and what it says.
 *
 * @param token the compact JWS, sent as {@code Authorization: Bearer <token>}
 * @param userId the {@code sub} claim: the only identity the API trusts
 * @param tokenId the {@code jti} claim, unique per token (for logs and audit)
 */
public record AccessToken(String token, String userId, String tokenId, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the token itself. */
  @Override
  public String toString() {
    return "AccessToken[userId="
        + userId
        + ", tokenId="
        + tokenId
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
