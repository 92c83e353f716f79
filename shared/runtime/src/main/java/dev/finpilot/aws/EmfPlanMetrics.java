package dev.finpilot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.finpilot.agents.VerificationMetrics;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.workflow.WorkflowMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The plans' business metrics in CloudWatch Embedded Metric Format through Powertools Metrics, in
 * the namespace of {@code POWERTOOLS_METRICS_NAMESPACE} with the service dimension Powertools adds.
 * Each event is written at once as its own EMF document (Powertools' context has one set of
 * dimensions per document), so nothing waits in memory for a flush a crash would skip:
 *
 * <ul>
 *   <li>{@code StepDuration} (milliseconds, dimension {@code step}): time a plan spent in a status
 *       in which an agent works on it, queueing included;
 *   <li>{@code PlansSettled} (dimension {@code status}): plans reaching a final status or awaiting
 *       their owner;
 *   <li>{@code Replans}: versions the verifier rejected and sent back to the planner;
 *   <li>{@code VerificationFindings} (dimension {@code code}): findings of each new report;
 *   <li>{@code DeadLettered} (dimensions {@code agent}, {@code cause}): messages set aside;
 *   <li>{@code ColdStart} (Powertools' own, dimension {@code function_name}).
 * </ul>
 */
public final class EmfPlanMetrics
    implements WorkflowMetrics, VerificationMetrics, DeadLetterMetrics {

  private final Metrics metrics;

  public EmfPlanMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Through the function's Powertools Metrics instance. */
  public static EmfPlanMetrics powertools() {
    return new EmfPlanMetrics(MetricsFactory.getMetricsInstance());
  }

  /** Writes Powertools' {@code ColdStart} metric on the first invocation of an environment. */
  public void invocationStarted(Context context) {
    metrics.captureColdStartMetric(context);
  }

  @Override
  public void stepFinished(PlanStatus step, Duration took) {
    write("StepDuration", took.toMillis(), MetricUnit.MILLISECONDS, Map.of("step", step.name()));
  }

  @Override
  public void planSettled(PlanStatus status) {
    write("PlansSettled", 1, MetricUnit.COUNT, Map.of("status", status.name()));
  }

  @Override
  public void replanned() {
    write("Replans", 1, MetricUnit.COUNT, Map.of());
  }

  @Override
  public void reportStored(VerificationReport report) {
    Map<RuleCode, Integer> byCode = new TreeMap<>();
    for (Finding finding : report.findings()) {
      byCode.merge(finding.code(), 1, Integer::sum);
    }
    byCode.forEach(
        (code, count) ->
            write("VerificationFindings", count, MetricUnit.COUNT, Map.of("code", code.name())));
  }

  @Override
  public void setAside(String agent, Cause cause) {
    write("DeadLettered", 1, MetricUnit.COUNT, Map.of("agent", agent, "cause", cause.name()));
  }

  private void write(String name, double value, MetricUnit unit, Map<String, String> dimensions) {
    metrics.flushMetrics(
        document -> {
          if (!dimensions.isEmpty()) {
            document.addDimension(DimensionSet.of(dimensions));
          }
          document.addMetric(name, value, unit);
        });
  }
}
