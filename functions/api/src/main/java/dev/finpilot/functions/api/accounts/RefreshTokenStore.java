package dev.finpilot.functions.api.accounts;

import java.time.Instant;
import java.util.Optional;

/** Refresh tokens (by hash) and the revocation state of their families. */
public interface RefreshTokenStore {

  /** Stores a new token; false if one with that hash exists (which a random token never does). */
  boolean put(RefreshToken token);

  Optional<RefreshToken> find(String tokenHash);

  /** Marks the token used, only if it was not used before; false if it was. */
  boolean markUsed(String tokenHash, Instant at);

  /** Revokes every token of the family, now and later. {@code until} bounds the record's life. */
  void revokeFamily(String familyId, String userId, Instant until);

  boolean isRevoked(String familyId);
}
