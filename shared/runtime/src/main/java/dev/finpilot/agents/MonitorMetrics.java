package dev.finpilot.agents;

/**
 * What each market monitor run did, counted for the operators' dashboards and alarms: the plans it
 * scanned and the triggers it raised, published once per run.
 */
public interface MonitorMetrics {

  /** Counts nothing: for tests that do not look at metrics. */
  MonitorMetrics NONE = run -> {};

  /** Publishes the counts of a finished run, with or without market data. */
  void runFinished(MonitorRun run);
}
