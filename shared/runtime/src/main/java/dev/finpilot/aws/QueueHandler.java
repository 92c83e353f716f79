package dev.finpilot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.function.Function;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda entry point of a queue-driven agent: structured logging around the batch, and the
 * batch processor around the agent's logic. A function module only names its agent and wires it.
 */
public abstract class QueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final SqsBatchProcessor processor;
  private final EmfPlanMetrics metrics = EmfPlanMetrics.powertools();

  protected QueueHandler(
      String agent,
      FunctionEnvironment env,
      Function<FunctionContext, SqsBatchProcessor.RecordHandler> wiring) {
    FunctionContext context = FunctionContext.create(env);
    this.processor = context.processor(agent, wiring.apply(context));
  }

  @Override
  public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    // Before the logging wrapper, which marks the cold start as done.
    metrics.invocationStarted(context);
    return PowertoolsLogging.withLogging(context, () -> processor.process(event));
  }
}
