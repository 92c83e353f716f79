package dev.finpilot.monitoring;

/** What happens to an ACTIVE plan after a (compound) trigger; declared from mildest to gravest. */
public enum ReviewAction {
  /** Record the trigger; the plan is looked at in its next scheduled review. */
  MONITOR,
  /**
   * Re-verify the plan against today's state; propose a new version only if it no longer passes.
   */
  REVERIFY,
  /** Re-verify and propose a new plan version, shown side by side with the current one. */
  REPLAN
}
