package dev.finpilot.agents;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The monitor's watches in memory, recording every save, for the tests of every module. */
public final class InMemoryPlanWatches implements PlanWatches {
  private final Map<String, PlanWatch> watches = new HashMap<>();
  private final List<PlanWatch> saved = new CopyOnWriteArrayList<>();

  @Override
  public synchronized Map<String, PlanWatch> find(Collection<String> planIds) {
    Map<String, PlanWatch> found = new HashMap<>();
    planIds.forEach(
        id -> {
          if (watches.containsKey(id)) {
            found.put(id, watches.get(id));
          }
        });
    return found;
  }

  @Override
  public synchronized void saveAll(Collection<PlanWatch> more) {
    more.forEach(
        watch -> {
          watches.put(watch.planId(), watch);
          saved.add(watch);
        });
  }

  public synchronized PlanWatch get(String planId) {
    return watches.get(planId);
  }

  /** Every watch saved, in order. */
  public List<PlanWatch> saved() {
    return List.copyOf(saved);
  }
}
