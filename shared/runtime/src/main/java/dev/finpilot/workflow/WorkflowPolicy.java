package dev.finpilot.workflow;

/**
 * Bounds of the workflow. Replanning rounds are capped because a planner that cannot satisfy the
 * verifier in a few rounds will not do so in many; the rounds after them propose relaxed versions
 * instead, and only when none of those passes does the plan end with the reasons.
 */
public record WorkflowPolicy(int maxPlanningRounds) {
  public static final WorkflowPolicy DEFAULT = new WorkflowPolicy(3);

  public WorkflowPolicy {
    if (maxPlanningRounds < 1) {
      throw new IllegalArgumentException("maxPlanningRounds must be at least 1");
    }
  }
}
