package dev.finpilot.aws;

import dev.finpilot.agents.MonitorMetrics;
import dev.finpilot.agents.MonitorRun;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The market monitor's metrics in CloudWatch Embedded Metric Format through Powertools Metrics, one
 * EMF document per run in the namespace of {@code POWERTOOLS_METRICS_NAMESPACE}: {@code
 * MonitorPlansScanned} (plans watched and plans baselined), {@code MonitorTriggersRaised}, and
 * {@code MonitorRunsWithoutData} (1 when the run had no live market data and so watched nothing).
 * Every run writes all three, zeros included, so that a missing data point means a missing run.
 */
public final class EmfMonitorMetrics implements MonitorMetrics {

  private final Metrics metrics;

  public EmfMonitorMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Through the function's Powertools Metrics instance. */
  public static EmfMonitorMetrics powertools() {
    return new EmfMonitorMetrics(MetricsFactory.getMetricsInstance());
  }

  @Override
  public void runFinished(MonitorRun run) {
    metrics.flushMetrics(
        document -> {
          document.addMetric(
              "MonitorPlansScanned", run.plansWatched() + run.plansBaselined(), MetricUnit.COUNT);
          document.addMetric("MonitorTriggersRaised", run.triggersRaised(), MetricUnit.COUNT);
          document.addMetric(
              "MonitorRunsWithoutData", run.withoutDataReason() == null ? 0 : 1, MetricUnit.COUNT);
        });
  }
}
