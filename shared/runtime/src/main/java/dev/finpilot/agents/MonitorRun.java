package dev.finpilot.agents;

import java.time.LocalDate;

/**
 * What one market monitor run did.
 *
 * @param asOf the date of the reference index's latest close; null without market data
 * @param plansWatched ACTIVE plans measured against their baseline
 * @param plansBaselined ACTIVE plans seen for the first time (or on a new version), given the
 *     latest close as baseline and not measured
 * @param triggersRaised {@code TriggerRaised} messages sent, at most one per plan
 * @param withoutDataReason why the run had no market data to watch; null when it had
 */
public record MonitorRun(
    String runId,
    LocalDate asOf,
    int plansWatched,
    int plansBaselined,
    int triggersRaised,
    String withoutDataReason) {

  static MonitorRun withoutData(String runId, String reason) {
    return new MonitorRun(runId, null, 0, 0, 0, reason);
  }

  /** Counts of a run in progress. */
  static final class Tally {
    private int watched;
    private int baselined;
    private int raised;

    void add(int watchedPlans, int baselinedPlans, int triggersRaised) {
      watched += watchedPlans;
      baselined += baselinedPlans;
      raised += triggersRaised;
    }

    MonitorRun finish(String runId, LocalDate asOf) {
      return new MonitorRun(runId, asOf, watched, baselined, raised, null);
    }
  }
}
