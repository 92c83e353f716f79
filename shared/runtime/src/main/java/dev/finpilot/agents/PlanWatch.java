package dev.finpilot.agents;

import dev.finpilot.market.Observation;
import dev.finpilot.monitoring.MarketEventType;
import dev.finpilot.monitoring.PlanBaseline;
import dev.finpilot.monitoring.Trigger;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.plans.ActivePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the market monitor remembers about one plan in force: the reference index's level it
 * measures the plan's drawdown from, and the gravest severity of each market condition it has
 * raised for the plan since that baseline.
 *
 * @param version the plan version the baseline is for; a newer version in force gets a new one
 * @param raised by condition, the gravest severity raised while the condition has lasted
 */
public record PlanWatch(
    String planId,
    int version,
    PlanBaseline baseline,
    Map<MarketEventType, TriggerSeverity> raised) {

  public PlanWatch {
    raised = raised.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(raised));
  }

  /** A plan first seen in force: measured from the latest close, with nothing raised yet. */
  public static PlanWatch startingAt(ActivePlan plan, String series, Observation latest) {
    return new PlanWatch(
        plan.planId(),
        plan.activeVersion(),
        new PlanBaseline(plan.planId(), series, latest.date(), latest.value()),
        Map.of());
  }

  /** Whether this watch still measures {@code plan} against {@code series}. */
  public boolean watches(ActivePlan plan, String series) {
    return version == plan.activeVersion() && baseline.series().equals(series);
  }

  /**
   * The triggers of this run worth raising, and the watch after them. A condition is raised when it
   * first appears and again whenever it reaches a graver band than any raised while it lasted; a
   * condition absent from {@code current} has cleared and is forgotten, so its return raises again.
   *
   * @param current this run's triggers for the plan
   */
  public Assessment assess(List<Trigger> current) {
    Map<MarketEventType, TriggerSeverity> gravest = new EnumMap<>(MarketEventType.class);
    List<Trigger> graver = new ArrayList<>();
    for (Trigger t : current) {
      MarketEventType type = MarketEventType.valueOf(t.kind());
      TriggerSeverity before = raised.get(type);
      if (before == null || t.severity().compareTo(before) > 0) {
        graver.add(t);
      }
      gravest.merge(type, t.severity(), TriggerSeverity::max);
    }
    raised.forEach(
        (type, before) ->
            gravest.computeIfPresent(type, (k, now) -> TriggerSeverity.max(now, before)));
    return new Assessment(graver, new PlanWatch(planId, version, baseline, gravest));
  }

  /**
   * @param raise the triggers to hand to the workflow, none if nothing got graver
   * @param after the watch to remember
   */
  public record Assessment(List<Trigger> raise, PlanWatch after) {}
}
