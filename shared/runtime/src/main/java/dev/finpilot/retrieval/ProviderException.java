package dev.finpilot.retrieval;

/** A provider did not answer with data; {@link #kind()} says why and what may be done about it. */
public final class ProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a provider did not answer, which decides between retrying, moving on and giving up. */
  public enum Kind {
    /** The symbol does not exist: neither retried nor asked of the next provider. */
    NOT_FOUND(false, false),
    /** A short-term throttle (HTTP 429, Alpha Vantage's {@code Note}): back off, then move on. */
    RATE_LIMITED(false, true),
    /** The key's daily allowance is spent (Alpha Vantage's {@code Information}). */
    DAILY_LIMIT(false, true),
    /** The endpoint needs a paid plan. */
    PREMIUM_ONLY(false, true),
    /** The provider refused the credentials (Yahoo's 401 "Invalid Crumb", a bad key). */
    UNAUTHORIZED(false, true),
    /** No usable answer in time, a 5xx, or a broken connection: worth another try. */
    UNAVAILABLE(true, true),
    /** An answer that is not in the provider's format. */
    MALFORMED(true, true),
    /** This provider does not offer what was asked, such as a series it has no endpoint for. */
    UNSUPPORTED(false, true);

    private final boolean retryable;
    private final boolean nextProviderMayAnswer;

    Kind(boolean retryable, boolean nextProviderMayAnswer) {
      this.retryable = retryable;
      this.nextProviderMayAnswer = nextProviderMayAnswer;
    }

    public boolean retryable() {
      return retryable;
    }

    public boolean nextProviderMayAnswer() {
      return nextProviderMayAnswer;
    }
  }

  private final String provider;
  private final Kind kind;

  public ProviderException(String provider, Kind kind, String message) {
    this(provider, kind, message, null);
  }

  public ProviderException(String provider, Kind kind, String message, Throwable cause) {
    super(provider + ": " + message, cause);
    this.provider = provider;
    this.kind = kind;
  }

  public String provider() {
    return provider;
  }

  public Kind kind() {
    return kind;
  }
}
