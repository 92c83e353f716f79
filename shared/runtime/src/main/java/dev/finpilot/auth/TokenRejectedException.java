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
    MISSING_CLAIM
  }

  private final Reason reason;

  public TokenRejectedException(Reason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
