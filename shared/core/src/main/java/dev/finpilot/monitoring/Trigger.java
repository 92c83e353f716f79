package dev.finpilot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reason to look at one plan again: a market event or a life event, on the shared severity scale.
 *
 * @param id a business key: a redelivered trigger has the same id and is counted once
 * @param kind the market or life event type, e.g. {@code DRAWDOWN} or {@code JOB_LOSS}
 */
public record Trigger(
    String id,
    String planId,
    TriggerSource source,
    String kind,
    TriggerSeverity severity,
    Instant occurredAt,
    Duration actWithin,
    String reason,
    List<TriggerEvidence> evidence) {

  public Trigger {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actWithin, "actWithin");
    Objects.requireNonNull(reason, "reason");
    evidence = List.copyOf(evidence);
  }

  /**
   * The trigger a market event raises for one plan. Its id names the plan, event, series, date and
   * severity, so the monitor's repeated runs on the same close raise it once, while a graver band
   * the same day raises a new one.
   */
  public static Trigger market(String planId, MarketEvent event) {
    String id =
        String.join(
            ":",
            planId,
            event.type().name(),
            event.series(),
            event.asOf().toString(),
            event.severity().name());
    return new Trigger(
        id,
        planId,
        TriggerSource.MARKET,
        event.type().name(),
        event.severity(),
        event.detectedAt(),
        event.actWithin(),
        event.summary(),
        event.evidence());
  }

  public static Trigger life(String planId, LifeEventAssessment assessment) {
    return new Trigger(
        planId + ":LIFE:" + assessment.eventId(),
        planId,
        TriggerSource.LIFE,
        assessment.type().name(),
        assessment.priority(),
        assessment.reportedAt(),
        assessment.actWithin(),
        assessment.reason(),
        assessment.evidence());
  }

  public Instant actBy() {
    return occurredAt.plus(actWithin);
  }
}
