package dev.finpilot.insight;

import java.util.List;

/**
 * A version under the historical replays and hypothetical shocks (docs/insight.md section 3), all
 * projected with the version's seed and paths.
 *
 * @param goalAge the age at the goal date
 * @param targetAmount the goal's target in today's dollars
 * @param retirement the withdrawals stressed after a retirement goal; null for other goals, whose
 *     path figures cover the years to the goal date
 * @param asPlanned the version's own projection, measured the same way
 */
public record StressReport(
    int version,
    long seed,
    int paths,
    String model,
    int goalAge,
    double targetAmount,
    StressRetirement retirement,
    StressOutcome asPlanned,
    List<StressOutcome> scenarios) {

  public StressReport {
    scenarios = List.copyOf(scenarios);
  }
}
