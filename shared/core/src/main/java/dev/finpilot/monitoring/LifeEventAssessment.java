package dev.finpilot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How urgently a life event must be handled: a priority on the shared severity scale, a time to act
 * within, and the reason in words a user can read.
 */
public record LifeEventAssessment(
    String eventId,
    LifeEventType type,
    TriggerSeverity priority,
    Instant reportedAt,
    Duration actWithin,
    String reason,
    List<TriggerEvidence> evidence) {

  public LifeEventAssessment {
    evidence = List.copyOf(evidence);
  }

  public Instant actBy() {
    return reportedAt.plus(actWithin);
  }
}
