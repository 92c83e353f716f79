package dev.finpilot.functions.workflow;

import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.aws.WebSocketPlanNotifier;
import dev.finpilot.workflow.Workflow;
import dev.finpilot.workflow.WorkflowPolicy;

/**
 * The orchestration workflow: agent results in, next commands out, and each transition pushed to
 * the plan owner's open WebSocket connections.
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
                    WebSocketPlanNotifier.fromEnvironment(
                        agent.env(), agent.dynamo(), agent.clock()))
                ::handle);
  }
}
