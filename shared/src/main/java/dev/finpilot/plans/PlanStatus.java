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
  FAILED;

  public boolean isFinal() {
    return this == ACTIVE || this == REJECTED || this == FAILED;
  }
}
