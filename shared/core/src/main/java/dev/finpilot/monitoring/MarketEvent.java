package dev.finpilot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A market condition that crossed a severity band, with the numbers that put it there.
 *
 * @param asOf the date of the latest close the detection used
 * @param detectedAt when the monitor ran (from its clock)
 * @param actWithin how soon the affected plans should be looked at
 */
public record MarketEvent(
    MarketEventType type,
    TriggerSeverity severity,
    String series,
    LocalDate asOf,
    Instant detectedAt,
    Duration actWithin,
    String summary,
    List<TriggerEvidence> evidence) {

  /**
   * Response times by severity. The monitor runs every few minutes; CMVL aims to act within five
   * minutes of a significant change and to offer a revised plan soon after, while a mild change can
   * wait for the weekly review.
   */
  static final Map<TriggerSeverity, Duration> RESPONSE_TIMES =
      Map.of(
          TriggerSeverity.CRITICAL, Duration.ofHours(4),
          TriggerSeverity.HIGH, Duration.ofDays(1),
          TriggerSeverity.MEDIUM, Duration.ofDays(3),
          TriggerSeverity.LOW, Duration.ofDays(7));

  public MarketEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(actWithin, "actWithin");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
  }

  static MarketEvent of(
      MarketEventType type,
      TriggerSeverity severity,
      MarketSeries series,
      Instant detectedAt,
      String summary,
      List<TriggerEvidence> evidence) {
    return new MarketEvent(
        type,
        severity,
        series.name(),
        series.latest().date(),
        detectedAt,
        RESPONSE_TIMES.get(severity),
        summary,
        evidence);
  }
}
