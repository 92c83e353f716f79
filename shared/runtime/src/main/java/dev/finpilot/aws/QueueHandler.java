package dev.finpilot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda entry point of a queue-driven agent: structured logging around the batch, and the
 * batch processor around the agent's logic. A function module only names its agent, wires it and
 * says what primes it before a SnapStart snapshot.
 */
public abstract class QueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final SqsBatchProcessor processor;
  private final EmfPlanMetrics metrics = EmfPlanMetrics.powertools();

  // Held for as long as the handler lives: the CRaC context holds its resources weakly.
  @SuppressWarnings("unused")
  private final Priming priming;

  /** An agent primed by the paths every agent takes ({@link #primingPaths}). */
  protected QueueHandler(
      String agent,
      FunctionEnvironment env,
      Function<FunctionContext, SqsBatchProcessor.RecordHandler> wiring) {
    this(agent, env, wiring, List.of());
  }

  /**
   * @param ownPriming the paths of this agent's own work to prime, beside those every agent takes
   */
  protected QueueHandler(
      String agent,
      FunctionEnvironment env,
      Function<FunctionContext, SqsBatchProcessor.RecordHandler> wiring,
      List<Runnable> ownPriming) {
    FunctionContext context = FunctionContext.create(env);
    this.processor = context.processor(agent, wiring.apply(context));
    this.priming = Priming.register(agent, primingPaths(context, ownPriming));
  }

  /**
   * What primes an agent: the plan read and the message envelope every agent's batch goes through,
   * then {@code own}.
   */
  public static List<Runnable> primingPaths(FunctionContext context, List<Runnable> own) {
    List<Runnable> paths = new ArrayList<>();
    paths.add(Priming.planLookup(context.plans()));
    paths.add(Priming.envelopeRoundTrip());
    paths.addAll(own);
    return paths;
  }

  @Override
  public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    // Before the logging wrapper, which marks the cold start as done.
    metrics.invocationStarted(context);
    return PowertoolsLogging.withLogging(context, () -> processor.process(event));
  }
}
