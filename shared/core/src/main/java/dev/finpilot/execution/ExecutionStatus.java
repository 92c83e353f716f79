package dev.finpilot.execution;

/** How an execution ended. */
public enum ExecutionStatus {
  /** Every step was posted. */
  COMPLETED,
  /** A step was refused; every step posted before it was reversed, so the books are as before. */
  FAILED
}
