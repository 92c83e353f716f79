package dev.finpilot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The triggers that hit one plan within one merge window, handled as a single event so the plan is
 * re-verified once, not once per cause.
 *
 * <p>The window opens with the first trigger and closes {@code window} later; a trigger exactly at
 * the close still joins. The severity is the gravest cause's, raised one step (to at most CRITICAL)
 * when at least two causes of different kinds are HIGH or graver, because independent serious blows
 * compound: a job loss during a bear market is worse than either alone. Causes are ordered gravest
 * first, then by time, kind and id, so equal inputs give equal output.
 *
 * @param actBy the earliest deadline among the causes
 */
public record CompoundTrigger(
    String id,
    String planId,
    Instant windowStart,
    Instant windowEnd,
    TriggerSeverity severity,
    Instant actBy,
    List<Trigger> causes,
    List<String> reasons) {

  static final Comparator<Trigger> CAUSE_ORDER =
      Comparator.comparing(Trigger::severity, Comparator.reverseOrder())
          .thenComparing(Trigger::occurredAt)
          .thenComparing(Trigger::kind)
          .thenComparing(Trigger::id);

  public CompoundTrigger {
    causes = List.copyOf(causes);
    reasons = List.copyOf(reasons);
  }

  /** A compound of one trigger, whose window opens at that trigger. */
  public static CompoundTrigger open(Trigger first, Duration window) {
    return build(
        first.planId(), first.occurredAt(), first.occurredAt().plus(window), List.of(first));
  }

  /** Whether the trigger hits this plan inside this window (both ends included). */
  public boolean accepts(Trigger trigger) {
    return trigger.planId().equals(planId)
        && !trigger.occurredAt().isBefore(windowStart)
        && !trigger.occurredAt().isAfter(windowEnd);
  }

  /** This compound with one more cause; a trigger already counted (same id) changes nothing. */
  public CompoundTrigger with(Trigger trigger) {
    if (!accepts(trigger)) {
      throw new IllegalArgumentException(
          "trigger " + trigger.id() + " is outside the window of " + id);
    }
    if (causes.stream().anyMatch(c -> c.id().equals(trigger.id()))) {
      return this;
    }
    List<Trigger> more = new ArrayList<>(causes);
    more.add(trigger);
    return build(planId, windowStart, windowEnd, more);
  }

  public boolean isCompound() {
    return causes.size() > 1;
  }

  public TriggerSeverity gravestCause() {
    return causes.get(0).severity();
  }

  public boolean allFromMarket() {
    return causes.stream().allMatch(c -> c.source() == TriggerSource.MARKET);
  }

  private static CompoundTrigger build(
      String planId, Instant start, Instant end, List<Trigger> unordered) {
    List<Trigger> causes = unordered.stream().sorted(CAUSE_ORDER).toList();
    TriggerSeverity gravest = causes.get(0).severity();
    Set<String> seriousKinds = new LinkedHashSet<>();
    for (Trigger c : causes) {
      if (c.severity().isAtLeast(TriggerSeverity.HIGH)) {
        seriousKinds.add(c.kind());
      }
    }
    boolean compounding = seriousKinds.size() >= 2 && gravest != TriggerSeverity.CRITICAL;
    List<String> reasons = new ArrayList<>();
    for (Trigger c : causes) {
      reasons.add(c.severity() + " " + c.kind() + ": " + c.reason());
    }
    if (compounding) {
      reasons.add(
          "raised from "
              + gravest
              + " to "
              + gravest.escalate()
              + ": serious causes of different kinds coincide ("
              + String.join(", ", seriousKinds)
              + ")");
    }
    Instant actBy =
        causes.stream().map(Trigger::actBy).min(Comparator.naturalOrder()).orElseThrow();
    return new CompoundTrigger(
        Objects.requireNonNull(planId) + ":" + start,
        planId,
        start,
        end,
        compounding ? gravest.escalate() : gravest,
        actBy,
        causes,
        reasons);
  }
}
