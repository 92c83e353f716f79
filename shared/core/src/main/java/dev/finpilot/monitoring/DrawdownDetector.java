package dev.finpilot.monitoring;

import dev.finpilot.domain.Validation;
import dev.finpilot.market.Observation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Detects a fall of a plan's reference index below the plan's baseline. The default bands follow
 * the market convention: a decline of 10% is a correction, 20% a bear market; from 30% we call it
 * severe (the 2000-02, 2008-09 and 2020 declines all passed it, 2022's did not).
 *
 * <p>The decline is rounded half-even to a hundredth of a percent before it is banded, so an event
 * is banded exactly as it is shown.
 */
public final class DrawdownDetector {

  public static final SeverityBands DEFAULT_BANDS =
      new SeverityBands(
          Map.of(
              TriggerSeverity.MEDIUM, new BigDecimal("0.10"),
              TriggerSeverity.HIGH, new BigDecimal("0.20"),
              TriggerSeverity.CRITICAL, new BigDecimal("0.30")));

  private static final Map<TriggerSeverity, String> LABELS =
      Map.of(
          TriggerSeverity.LOW, "a decline",
          TriggerSeverity.MEDIUM, "a correction",
          TriggerSeverity.HIGH, "a bear market",
          TriggerSeverity.CRITICAL, "a severe bear market");

  private final Clock clock;
  private final SeverityBands bands;

  public DrawdownDetector(Clock clock, SeverityBands bands) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bands = Objects.requireNonNull(bands, "bands");
  }

  public DrawdownDetector(Clock clock) {
    this(clock, DEFAULT_BANDS);
  }

  /** The drawdown event for the plan, or empty while the decline stays below the lowest band. */
  public Optional<MarketEvent> detect(PlanBaseline baseline, MarketSeries series) {
    List<Observation> since = requireCoverage(baseline, series);
    BigDecimal latest = series.latest().value();
    BigDecimal decline = fractionBelow(baseline.value(), latest);
    Optional<TriggerSeverity> severity = bands.classify(decline);
    if (severity.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal peak = baseline.value();
    for (Observation o : since) {
      peak = peak.max(o.value());
    }
    String summary =
        String.format(
            "%s is %s%% below the plan's baseline of %s on %s: %s",
            series.name(),
            decline.movePointRight(2).toPlainString(),
            baseline.value().toPlainString(),
            baseline.date(),
            LABELS.get(severity.get()));
    return Optional.of(
        MarketEvent.of(
            MarketEventType.DRAWDOWN,
            severity.get(),
            series,
            clock.instant(),
            summary,
            List.of(
                TriggerEvidence.of("baseline", baseline.value()),
                TriggerEvidence.of("baselineDate", baseline.date()),
                TriggerEvidence.of("latest", latest),
                TriggerEvidence.of("latestDate", series.latest().date()),
                TriggerEvidence.percent("declineFromBaseline", decline),
                TriggerEvidence.of("peakSinceBaseline", peak),
                TriggerEvidence.percent("declineFromPeak", fractionBelow(peak, latest)),
                TriggerEvidence.percent("bandLowerBound", bands.lowerBound(severity.get())))));
  }

  /** How far {@code latest} is below {@code reference}, as a fraction rounded to 4 places. */
  static BigDecimal fractionBelow(BigDecimal reference, BigDecimal latest) {
    return reference.subtract(latest).divide(reference, 4, RoundingMode.HALF_EVEN);
  }

  private static List<Observation> requireCoverage(PlanBaseline baseline, MarketSeries series) {
    Validation v = new Validation();
    v.require(
        series.name().equals(baseline.series()),
        "series.name",
        "must be the plan's reference series " + baseline.series() + ", was " + series.name());
    v.require(
        !series.latest().date().isBefore(baseline.date()),
        "series.points",
        "must reach the baseline date " + baseline.date());
    v.throwIfInvalid();
    return series.points().stream().filter(o -> !o.date().isBefore(baseline.date())).toList();
  }
}
