package dev.finpilot.functions.api.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as stored: never the token itself, only its SHA-256, so a copy of the table
 * cannot be replayed. Tokens of one login form a family; rotating a token marks it used and issues
 * the next one in the same family.
 *
 * @param usedAt when it was exchanged for a new one; a second use revokes the whole family
 */
public record RefreshToken(
    String tokenHash, String familyId, String userId, Instant expiresAt, Instant usedAt) {

  public RefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
