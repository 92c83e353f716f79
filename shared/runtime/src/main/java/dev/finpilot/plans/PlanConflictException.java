package dev.finpilot.plans;

/**
 * A change the plan cannot take as it stands: it has finished, it is under review, or it kept
 * changing while the change was being made. The message says which, in words for its owner.
 */
public final class PlanConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PlanConflictException(String message) {
    super(message);
  }
}
