package dev.finpilot.auth;

import java.util.Objects;

/**
 * An access token that must not be honoured. The reason is for logs and tests; clients are told
 * only that the token is not valid, so an attacker learns nothing about which check failed.
 */
public final class TokenRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which check refused the token. */
  public enum Reason {
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    EXPIRED,
    NOT_YET_VALID,
    MISSING_CLAIM,
    /** The {@code sub} names no account (never registered, or erased). */
    NO_ACCOUNT,
    /** The {@code sid} names no session of that account. */
    NO_SESSION,
    /** The session was ended (logout, password change, erasure). */
    SESSION_REVOKED,
    /** The session ran out before the token did. */
    SESSION_EXPIRED
  }

  private final Reason reason;
  private final String userId;

  public TokenRejectedException(Reason reason, String detail) {
    this(reason, detail, null);
  }

  /**
   * @param userId the {@code sub} of a token whose signature was good, for the audit log; {@code
   *     null} when the token cannot be trusted to name anyone
   */
  public TokenRejectedException(Reason reason, String detail, String userId) {
    super(reason + ": " + detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.userId = userId;
  }

  public Reason reason() {
    return reason;
  }

  /** Whom a correctly signed token named; {@code null} otherwise. */
  public String userId() {
    return userId;
  }
}
