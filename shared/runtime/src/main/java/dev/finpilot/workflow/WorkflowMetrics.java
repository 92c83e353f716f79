package dev.finpilot.workflow;

import dev.finpilot.plans.PlanStatus;
import java.time.Duration;

/**
 * What the workflow counts for the operators' dashboards and alarms, one call per stored
 * transition: how long the step just left took, plans reaching a status where the workflow stops,
 * and versions the verifier sent back to the planner.
 */
public interface WorkflowMetrics {

  /** The plan spent {@code took} in {@code step} (a status in which an agent works on it). */
  void stepFinished(PlanStatus step, Duration took);

  /** The plan reached {@code status}, where the workflow stops until something new arrives. */
  void planSettled(PlanStatus status);

  /** The verifier rejected a version and the plan went back to the planner. */
  void replanned();
}
