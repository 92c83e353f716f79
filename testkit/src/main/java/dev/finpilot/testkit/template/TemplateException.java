package dev.finpilot.testkit.template;

/** A template the testkit cannot read or emulate; the message names the offending element. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
