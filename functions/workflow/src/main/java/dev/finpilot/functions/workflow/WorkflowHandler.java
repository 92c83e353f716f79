package dev.finpilot.functions.workflow;

import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.aws.AgentHandler;
import dev.finpilot.aws.WebSocketPlanNotifier;
import dev.finpilot.workflow.Workflow;
import dev.finpilot.workflow.WorkflowPolicy;

/**
 * The orchestration workflow: agent results in, next commands out, and each transition pushed to
 * the plan owner's open WebSocket connections.
 */
public final class WorkflowHandler extends AgentHandler {

  public WorkflowHandler() {
    this(AgentEnvironment.fromSystem());
  }

  public WorkflowHandler(AgentEnvironment env) {
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
