package dev.finpilot.domain;

/**
 * A page cursor that its store did not make. Binding cursors to their user is the caller's part: a
 * store lists only what belongs to the user id it is given.
 */
public final class InvalidCursorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException() {
    super("not a page cursor of this store");
  }
}
