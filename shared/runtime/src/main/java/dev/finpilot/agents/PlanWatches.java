package dev.finpilot.agents;

import java.util.Collection;
import java.util.Map;

/** Where the market monitor keeps its {@link PlanWatch} of each plan between runs. */
public interface PlanWatches {

  /** The watches of those of {@code planIds} the monitor has seen, by plan id. */
  Map<String, PlanWatch> find(Collection<String> planIds);

  /** Stores each watch, replacing the plan's earlier one. */
  void saveAll(Collection<PlanWatch> watches);
}
