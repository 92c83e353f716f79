package dev.finpilot.execution;

/** What is unusual about ledger activity. */
public enum AnomalyKind {
  /** An amount far above the user's own amounts of the same transaction type. */
  UNUSUAL_AMOUNT,
  /** More executions on one day than the user's own rate makes plausible. */
  BURST,
  /** Contributions so far plus the plan's schedule would pass the year's limit. */
  CONTRIBUTION_LIMIT
}
