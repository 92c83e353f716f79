package dev.finpilot.functions.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rotating refresh tokens (the pattern of OAuth 2.0 Security BCP, RFC 9700, section 4.14.2): each
 * is 256 random bits, valid for {@link #LIFETIME} and for one use only. Using one returns its
 * successor; using one a second time means it was copied, so the whole family (every token
 * descended from the same login) is revoked and both the thief and the user must log in again.
 *
 * <p>A family is the refresh side of one {@link dev.finpilot.auth.Session}: its id is the session's
 * id, so the access tokens of a login and its refresh tokens end together.
 */
public final class RefreshTokens {
  public static final Duration LIFETIME = Duration.ofDays(7);

  private static final int TOKEN_BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final RefreshTokenStore store;
  private final SecureRandom random;
  private final Clock clock;

  public RefreshTokens(RefreshTokenStore store, SecureRandom random, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A token handed to the client once; only its hash is kept.
   *
   * @param sessionId the session (token family) it continues
   */
  public record Issued(String token, String userId, String sessionId, Instant expiresAt) {
    /** Never prints the token. */
    @Override
    public String toString() {
      return "Issued[userId="
          + userId
          + ", sessionId="
          + sessionId
          + ", expiresAt="
          + expiresAt
          + "]";
    }
  }

  /** What presenting a token led to. */
  public sealed interface Rotation {
    /** Exchanged for {@code next}. */
    record Rotated(Issued next) implements Rotation {}

    /** Unknown, expired or revoked: log in again. */
    record Refused(String reason) implements Rotation {}

    /** Used twice: its family is now revoked. */
    record Reused(String userId, String sessionId) implements Rotation {}
  }

  /** The first token of the family of a new session, at login or registration. */
  public Issued start(String userId, String sessionId) {
    return issue(userId, sessionId);
  }

  public Rotation rotate(String presented) {
    Optional<RefreshToken> found = lookup(presented);
    if (found.isEmpty()) {
      return new Rotation.Refused("unknown refresh token");
    }
    RefreshToken token = found.get();
    Instant now = clock.instant();
    if (store.isRevoked(token.familyId())) {
      return new Rotation.Refused("the refresh token was revoked");
    }
    if (token.usedAt() != null) {
      return reused(token, now);
    }
    if (!now.isBefore(token.expiresAt())) {
      return new Rotation.Refused("the refresh token expired");
    }
    if (!store.markUsed(token.tokenHash(), now)) {
      // Another request used it in the meantime: the same token was presented twice.
      return reused(token, now);
    }
    return new Rotation.Rotated(issue(token.userId(), token.familyId()));
  }

  private Rotation reused(RefreshToken token, Instant now) {
    store.revokeFamily(token.familyId(), token.userId(), now.plus(LIFETIME));
    return new Rotation.Reused(token.userId(), token.familyId());
  }

  /**
   * Revokes the family of a token that belongs to {@code userId} (log out). A token of someone
   * else, or none at all, changes nothing: the answer is the same, so it reveals nothing.
   *
   * @return the session (family) it ended
   */
  public Optional<String> revoke(String presented, String userId) {
    Optional<RefreshToken> found = lookup(presented).filter(t -> t.userId().equals(userId));
    found.ifPresent(
        t -> store.revokeFamily(t.familyId(), t.userId(), clock.instant().plus(LIFETIME)));
    return found.map(RefreshToken::familyId);
  }

  /** Revokes every refresh token of the user's session (a password change ends them all). */
  public void revokeFamily(String sessionId, String userId) {
    store.revokeFamily(sessionId, userId, clock.instant().plus(LIFETIME));
  }

  private Optional<RefreshToken> lookup(String presented) {
    if (presented == null || !SHAPE.matcher(presented).matches()) {
      return Optional.empty();
    }
    return store.find(hash(presented));
  }

  private Issued issue(String userId, String familyId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(LIFETIME);
    if (!store.put(new RefreshToken(hash(token), familyId, userId, expiresAt, null))) {
      throw new IllegalStateException("refresh token collision");
    }
    return new Issued(token, userId, familyId, expiresAt);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
