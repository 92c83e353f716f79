package dev.finpilot.execution;

import java.util.Objects;

/**
 * A ledger operation that cannot be carried out against the user's current books. Input that is
 * malformed whatever the books hold is a {@link dev.finpilot.domain.ValidationException} instead.
 */
public final class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable codes a client can branch on; the message carries the numbers. */
  public enum Reason {
    /** The cash of an account would go below zero: overdrafts are refused. */
    INSUFFICIENT_FUNDS,
    /** A sale of more units than the account holds. */
    INSUFFICIENT_HOLDINGS,
    /** A contribution would take the year's total above the annual limit. */
    CONTRIBUTION_LIMIT_EXCEEDED,
    /** No limit is known for the account type and tax year, so the contribution is not guessed. */
    NO_CONTRIBUTION_LIMIT,
    /** The step names an account the user has not opened. */
    UNKNOWN_ACCOUNT,
    /** The user already has an account of that type. */
    ACCOUNT_ALREADY_OPEN,
    /** A buy of a symbol already held under another asset class. */
    ASSET_CLASS_MISMATCH,
    /** Valuation was asked for without a price for a held symbol. */
    PRICE_MISSING,
    /** The idempotency key was already used for a different request. */
    IDEMPOTENCY_CONFLICT,
    /** The stored books are kept in another currency than this ledger's. */
    CURRENCY_MISMATCH,
    /** Other writers kept changing the books; the caller may retry later with the same key. */
    CONCURRENT_MODIFICATION
  }

  private final Reason reason;

  public LedgerException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** The message without the reason prefix. */
  public String detail() {
    return getMessage().substring(reason.name().length() + 2);
  }
}
