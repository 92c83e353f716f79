package dev.finpilot.workflow;

import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import java.time.Duration;

/**
 * Counts each stored transition in {@link WorkflowMetrics}, then tells the owner through the
 * notifier it wraps. It sits on the notifier because that is the one place every stored transition
 * passes, the workflow's steps and the owner's cancellation alike, after it is stored and once.
 */
public final class MeteredPlanNotifier implements PlanNotifier {

  private final WorkflowMetrics metrics;
  private final PlanNotifier owner;

  public MeteredPlanNotifier(WorkflowMetrics metrics, PlanNotifier owner) {
    this.metrics = metrics;
    this.owner = owner;
  }

  @Override
  public void planChanged(PlanRecord updated, PlanEvent event) {
    // Time in a final status or awaiting the owner is the owner's, not a step's latency.
    if (!event.from().isFinal() && event.from() != PlanStatus.AWAITING_APPROVAL) {
      metrics.stepFinished(event.from(), Duration.ofMillis(event.millisInPreviousState()));
    }
    if (event.to().isFinal() || event.to() == PlanStatus.AWAITING_APPROVAL) {
      metrics.planSettled(event.to());
    }
    if (event.to() == PlanStatus.REPLANNING) {
      metrics.replanned();
    }
    owner.planChanged(updated, event);
  }
}
