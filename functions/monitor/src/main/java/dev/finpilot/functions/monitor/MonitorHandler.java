package dev.finpilot.functions.monitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.finpilot.agents.MarketWatch;
import dev.finpilot.agents.MonitorRun;
import dev.finpilot.aws.DynamoPlanWatches;
import dev.finpilot.aws.EmfMonitorMetrics;
import dev.finpilot.aws.FunctionContext;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.MarketDataSources;
import dev.finpilot.aws.Priming;
import dev.finpilot.messaging.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * The scheduled market monitor: one {@link MarketWatch} run per EventBridge schedule event. The run
 * is named by the event's {@code time}, the time it was scheduled for, which stays the same when
 * Lambda retries the invocation; an event without one (a manual invocation) runs as of now.
 */
public final class MonitorHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorHandler.class);

  /** The run as plain JSON values, which Lambda's own serializer writes as they are. */
  private static final TypeReference<Map<String, Object>> RUN_SHAPE = new TypeReference<>() {};

  private final MarketWatch watch;
  private final Clock clock;

  // Held for as long as the handler lives: the CRaC context holds its resources weakly.
  @SuppressWarnings("unused")
  private final Priming priming;

  public MonitorHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public MonitorHandler(FunctionEnvironment env) {
    this(env, Clock.systemUTC());
  }

  /**
   * @param clock the time of a run without a scheduled time, and the time the market data cache and
   *     the providers' budgets are kept by
   */
  public MonitorHandler(FunctionEnvironment env, Clock clock) {
    FunctionContext context = FunctionContext.create(env);
    this.clock = clock;
    this.watch =
        new MarketWatch(
            MarketDataSources.from(env, context.dynamo(), clock),
            context.plans(),
            new DynamoPlanWatches(context.dynamo(), env.plansTable()),
            context.bus(),
            EmfMonitorMetrics.powertools());
    this.priming = Priming.register("monitor", priming(context));
  }

  /**
   * Before a SnapStart snapshot: a plan read and the embedded historical market, the two sources a
   * run compares.
   */
  static List<Runnable> priming(FunctionContext context) {
    return List.of(Priming.planLookup(context.plans()), Priming.historicalMarket());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return PowertoolsLogging.withLogging(
        context,
        () -> {
          MonitorRun run = watch.run(scheduledFor(event));
          // The metrics go out as EMF; the log line keeps the run findable by its id.
          LOG.info(
              "market monitor run {} raised {}",
              StructuredArguments.entry("monitorRunId", run.runId()),
              StructuredArguments.entry("monitorTriggersRaised", run.triggersRaised()));
          return Json.mapper().convertValue(run, RUN_SHAPE);
        });
  }

  private Instant scheduledFor(Map<String, Object> event) {
    Object time = event == null ? null : event.get("time");
    return time == null ? clock.instant() : Instant.parse(time.toString());
  }
}
