package dev.finpilot.retrieval;

import java.util.List;

/**
 * Neither the cache nor any provider could answer. The message says, provider by provider, what
 * happened, in words a user can read (no keys, no stack fragments).
 */
public final class MarketDataUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> attempts;

  public MarketDataUnavailableException(String what, List<String> attempts) {
    super(
        "no source could provide "
            + what
            + (attempts.isEmpty() ? "" : ": " + String.join("; ", attempts)));
    this.attempts = List.copyOf(attempts);
  }

  public List<String> attempts() {
    return attempts;
  }
}
