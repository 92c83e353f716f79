package dev.finpilot.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.aws.AgentContext;
import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.aws.SqsBatchProcessor;
import dev.finpilot.workflow.Orchestrator;
import dev.finpilot.workflow.WorkflowPolicy;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The orchestration workflow: agent results in, next commands out. */
public final class WorkflowHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final SqsBatchProcessor processor;

  public WorkflowHandler() {
    this(AgentEnvironment.fromSystem());
  }

  public WorkflowHandler(AgentEnvironment env) {
    AgentContext agent = AgentContext.create(env);
    Orchestrator orchestrator =
        new Orchestrator(agent.plans(), agent.bus(), agent.clock(), WorkflowPolicy.DEFAULT);
    this.processor = agent.processor("workflow", orchestrator::handle);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> processor.process(event));
  }
}
