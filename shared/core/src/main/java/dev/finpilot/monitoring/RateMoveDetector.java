package dev.finpilot.monitoring;

import dev.finpilot.domain.Validation;
import dev.finpilot.market.Observation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Detects a large move of an interest-rate series (in percent, e.g. the 10-year Treasury yield)
 * over a look-back window: the latest close against the last close on or before the window's start.
 * Rises and falls are banded alike, since both change a plan's bond returns, annuity prices and
 * borrowing costs.
 *
 * <p>Default bands on the absolute move: 25 bps (one ordinary policy step) LOW, 50 bps MEDIUM, 100
 * bps HIGH, 200 bps CRITICAL; default window 90 calendar days.
 */
public final class RateMoveDetector {

  public static final int DEFAULT_WINDOW_DAYS = 90;

  public static final SeverityBands DEFAULT_BANDS =
      new SeverityBands(
          Map.of(
              TriggerSeverity.LOW, new BigDecimal("25"),
              TriggerSeverity.MEDIUM, new BigDecimal("50"),
              TriggerSeverity.HIGH, new BigDecimal("100"),
              TriggerSeverity.CRITICAL, new BigDecimal("200")));

  private final Clock clock;
  private final SeverityBands bands;
  private final int windowDays;

  public RateMoveDetector(Clock clock, SeverityBands bands, int windowDays) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays must be positive, was " + windowDays);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bands = Objects.requireNonNull(bands, "bands");
    this.windowDays = windowDays;
  }

  public RateMoveDetector(Clock clock) {
    this(clock, DEFAULT_BANDS, DEFAULT_WINDOW_DAYS);
  }

  public Optional<MarketEvent> detect(MarketSeries rates) {
    Observation latest = rates.latest();
    Observation start = startOfWindow(rates);
    BigDecimal bps = latest.value().subtract(start.value()).movePointRight(2);
    Optional<TriggerSeverity> severity = bands.classify(bps.abs());
    if (severity.isEmpty()) {
      return Optional.empty();
    }
    String direction = bps.signum() > 0 ? "rose" : "fell";
    String summary =
        String.format(
            "%s %s %s bps in %d days (%s%% on %s to %s%% on %s)",
            rates.name(),
            direction,
            bps.abs().stripTrailingZeros().toPlainString(),
            windowDays,
            start.value().toPlainString(),
            start.date(),
            latest.value().toPlainString(),
            latest.date());
    return Optional.of(
        MarketEvent.of(
            MarketEventType.RATE_MOVE,
            severity.get(),
            rates,
            clock.instant(),
            summary,
            List.of(
                TriggerEvidence.of("changeBps", bps.stripTrailingZeros().toPlainString()),
                TriggerEvidence.of("direction", direction.equals("rose") ? "UP" : "DOWN"),
                TriggerEvidence.of("from", start.value()),
                TriggerEvidence.of("fromDate", start.date()),
                TriggerEvidence.of("to", latest.value()),
                TriggerEvidence.of("toDate", latest.date()),
                TriggerEvidence.of("windowDays", windowDays))));
  }

  private Observation startOfWindow(MarketSeries rates) {
    LocalDate windowStart = rates.latest().date().minusDays(windowDays);
    Observation start = null;
    for (Observation o : rates.points()) {
      if (!o.date().isAfter(windowStart)) {
        start = o;
      }
    }
    Validation v = new Validation();
    v.require(
        start != null,
        "series.points",
        "needs a close on or before " + windowStart + " to measure a " + windowDays + "-day move");
    v.throwIfInvalid();
    return start;
  }
}
