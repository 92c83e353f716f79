package dev.finpilot.workflow;

import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;

/**
 * Tells the plan's owner that it moved, for example over their open WebSocket connections. Called
 * after the transition is stored; it is a courtesy, not part of the workflow: the plan's state and
 * history are the record, and a client that missed a notification reads them.
 */
@FunctionalInterface
public interface PlanNotifier {

  void planChanged(PlanRecord updated, PlanEvent event);
}
