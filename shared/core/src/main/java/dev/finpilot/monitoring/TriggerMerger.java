package dev.finpilot.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges triggers that hit the same plan close together into compound triggers. Windows are fixed
 * from their first trigger rather than sliding, so a steady stream of triggers cannot hold a plan's
 * review open forever.
 */
public final class TriggerMerger {

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_WINDOW = Duration.ofHours(24);

  private static final Comparator<Trigger> ARRIVAL =
      Comparator.comparing(Trigger::occurredAt).thenComparing(Trigger::id);

  private final Duration window;

  public TriggerMerger(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "window must be positive and at most " + MAX_WINDOW + ", was " + window);
    }
    this.window = window;
  }

  public TriggerMerger() {
    this(DEFAULT_WINDOW);
  }

  public Duration window() {
    return window;
  }

  /** Compound triggers ordered by plan id, then window start; the input order does not matter. */
  public List<CompoundTrigger> merge(Collection<Trigger> triggers) {
    Map<String, List<Trigger>> byPlan = new TreeMap<>();
    for (Trigger t : triggers) {
      byPlan.computeIfAbsent(t.planId(), p -> new ArrayList<>()).add(t);
    }
    List<CompoundTrigger> merged = new ArrayList<>();
    for (List<Trigger> planTriggers : byPlan.values()) {
      planTriggers.sort(ARRIVAL);
      CompoundTrigger current = null;
      for (Trigger t : planTriggers) {
        if (current != null && current.accepts(t)) {
          current = current.with(t);
        } else {
          if (current != null) {
            merged.add(current);
          }
          current = CompoundTrigger.open(t, window);
        }
      }
      merged.add(current);
    }
    return merged;
  }
}
