package dev.finpilot.functions.workflow;

import dev.finpilot.aws.EmfPlanMetrics;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.aws.WebSocketPlanNotifier;
import dev.finpilot.workflow.MeteredPlanNotifier;
import dev.finpilot.workflow.Workflow;
import dev.finpilot.workflow.WorkflowPolicy;

/**
 * The orchestration workflow: agent results in, next commands out, each transition counted in the
 * plans' metrics and pushed to the plan owner's open WebSocket connections.
 */
public final class WorkflowHandler extends QueueHandler {

  public WorkflowHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public WorkflowHandler(FunctionEnvironment env) {
    super(
        "workflow",
        env,
        agent ->
            new Workflow(
                    agent.plans(),
                    agent.bus(),
                    agent.clock(),
                    WorkflowPolicy.DEFAULT,
                    new MeteredPlanNotifier(
                        EmfPlanMetrics.powertools(),
                        WebSocketPlanNotifier.fromEnvironment(
                            agent.env(), agent.dynamo(), agent.clock())))
                ::handle);
  }
}
