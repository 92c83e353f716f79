package dev.finpilot.messaging;

/**
 * A message that can never be processed, however often it is retried. The batch processor sends it
 * straight to the dead-letter queue instead of letting it cycle through the redrive count.
 */
public class PoisonMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PoisonMessageException(String message) {
    super(message);
  }

  public PoisonMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
