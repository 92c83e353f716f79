package dev.finpilot.plans;

/**
 * Where a plan is in its life; the workflow moves it forward. Final states never change, except
 * that a trigger (a life event or a market move) reopens an ACTIVE plan for review.
 */
public enum PlanStatus {
  RECEIVED,
  RETRIEVING,
  PLANNING,
  VERIFYING,
  REPLANNING,
  EXECUTING,
  ACTIVE,
  /**
   * Only for re-verification: the version in force is verified again after a trigger. A review that
   * replans goes through RETRIEVING, PLANNING and VERIFYING instead, its version still in force.
   */
  REVIEWING,
  /**
   * A new verified version waits for its owner; the active version stays in force meanwhile. A
   * first plan waits here only on a relaxed version (its goal as asked out of reach), with none in
   * force.
   */
  AWAITING_APPROVAL,
  REJECTED,
  FAILED,
  /** Stopped by its owner; agents' late answers are ignored and nothing more is executed. */
  CANCELLED;

  public boolean isFinal() {
    return this == ACTIVE || this == REJECTED || this == FAILED || this == CANCELLED;
  }
}
