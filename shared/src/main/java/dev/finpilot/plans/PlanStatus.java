package dev.finpilot.plans;

/** Where a plan is in its life; the workflow moves it forward, final states never change. */
public enum PlanStatus {
  RECEIVED,
  RETRIEVING,
  PLANNING,
  VERIFYING,
  REPLANNING,
  EXECUTING,
  ACTIVE,
  REJECTED,
  FAILED,
  /** Stopped by its owner; agents' late answers are ignored and nothing more is executed. */
  CANCELLED;

  public boolean isFinal() {
    return this == ACTIVE || this == REJECTED || this == FAILED || this == CANCELLED;
  }
}
