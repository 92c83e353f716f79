package dev.finpilot.monitoring;

/** Changes in a user's life that can invalidate a plan. */
public enum LifeEventType {
  JOB_LOSS,
  MEDICAL_EMERGENCY,
  /** Needs {@code incomeChangePercent}: signed, e.g. -30 for a 30% pay cut. */
  INCOME_CHANGE,
  NEW_DEPENDENT,
  /** Needs {@code amount}: the sum received. */
  WINDFALL,
  /** Needs {@code amount}: the value inherited. */
  INHERITANCE,
  DIVORCE,
  RETIREMENT
}
