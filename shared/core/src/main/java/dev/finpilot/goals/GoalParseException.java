package dev.finpilot.goals;

/**
 * Text from which no goal at all could be read. The message says what was looked for, so the caller
 * can show it to the user as it is.
 */
public final class GoalParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GoalParseException(String message) {
    super(message);
  }
}
