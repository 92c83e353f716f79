package dev.finpilot.monitoring;

/**
 * Who decides whether a proposed new plan version replaces the current one; declared from least to
 * most involvement of the user.
 */
public enum Approval {
  /** No new version will be proposed. */
  NOT_NEEDED,
  /**
   * Applied at once if verification approves the new version outright; otherwise the user decides.
   */
  AUTO_APPLY_IF_APPROVED,
  /** The user approves or rejects the new version. */
  USER_APPROVAL
}
