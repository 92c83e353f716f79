package dev.finpilot.testkit.backend;

/** No AWS backend could be chosen; the message lists why each option failed and how to fix it. */
public final class BackendUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackendUnavailableException(String message) {
    super(message);
  }
}
