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
 * Detects an elevated volatility regime from daily closes. Realised volatility is the root mean
 * square of daily log returns (mean taken as zero, the convention of realised-variance contracts)
 * times the square root of 252 trading days. The short window (21 trading days, about the 30
 * calendar days the VIX looks ahead) is compared with fixed VIX-like levels and with the long-run
 * volatility of the last 252 trading days.
 *
 * <p>Default bands on the short-window volatility: 20% elevated (LOW), 30% high (MEDIUM), 40%
 * extreme (HIGH). A short-window volatility at least twice the long-run one is a spike and raises
 * the severity one step; only a spike can make volatility alone CRITICAL. Below 20% there is no
 * event whatever the ratio, because a calm market that was calmer still is no threat to a plan.
 */
public final class VolatilityDetector {

  public static final int TRADING_DAYS_PER_YEAR = 252;
  public static final int DEFAULT_WINDOW = 21;
  public static final int DEFAULT_LONG_RUN = 252;
  public static final BigDecimal DEFAULT_SPIKE_RATIO = new BigDecimal("2.00");

  public static final SeverityBands DEFAULT_BANDS =
      new SeverityBands(
          Map.of(
              TriggerSeverity.LOW, new BigDecimal("0.20"),
              TriggerSeverity.MEDIUM, new BigDecimal("0.30"),
              TriggerSeverity.HIGH, new BigDecimal("0.40")));

  private final Clock clock;
  private final SeverityBands bands;
  private final int window;
  private final int longRun;
  private final BigDecimal spikeRatio;

  public VolatilityDetector(
      Clock clock, SeverityBands bands, int window, int longRun, BigDecimal spikeRatio) {
    if (window < 2 || longRun < window) {
      throw new IllegalArgumentException(
          "need 2 <= window <= longRun, was window " + window + ", longRun " + longRun);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bands = Objects.requireNonNull(bands, "bands");
    this.window = window;
    this.longRun = longRun;
    this.spikeRatio = Objects.requireNonNull(spikeRatio, "spikeRatio");
  }

  public VolatilityDetector(Clock clock) {
    this(clock, DEFAULT_BANDS, DEFAULT_WINDOW, DEFAULT_LONG_RUN, DEFAULT_SPIKE_RATIO);
  }

  public Optional<MarketEvent> detect(MarketSeries series) {
    List<Observation> points = requireHistory(series);
    BigDecimal recent = annualised(points.subList(points.size() - window - 1, points.size()));
    BigDecimal longRunVol = annualised(points.subList(points.size() - longRun - 1, points.size()));
    Optional<TriggerSeverity> level = bands.classify(recent);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    // The long run contains the recent window, so it is positive whenever an event is raised.
    BigDecimal ratio = recent.divide(longRunVol, 2, RoundingMode.HALF_EVEN);
    boolean spike = ratio.compareTo(spikeRatio) >= 0;
    TriggerSeverity severity = spike ? level.get().escalate() : level.get();
    String summary =
        String.format(
            "%s realised volatility over %d days is %s%% a year against %s%% over %d days%s",
            series.name(),
            window,
            recent.movePointRight(2).toPlainString(),
            longRunVol.movePointRight(2).toPlainString(),
            longRun,
            spike ? ": a spike" : "");
    return Optional.of(
        MarketEvent.of(
            MarketEventType.VOLATILITY_REGIME,
            severity,
            series,
            clock.instant(),
            summary,
            List.of(
                TriggerEvidence.percent("realisedVolatility", recent),
                TriggerEvidence.of("windowDays", window),
                TriggerEvidence.percent("longRunVolatility", longRunVol),
                TriggerEvidence.of("longRunDays", longRun),
                TriggerEvidence.of("ratio", ratio),
                TriggerEvidence.of("regime", level.get()),
                TriggerEvidence.of("spike", spike))));
  }

  /**
   * Annualised realised volatility of the returns between consecutive closes, rounded half-even to
   * a hundredth of a percent (4 places as a fraction).
   */
  static BigDecimal annualised(List<Observation> closes) {
    double sumSquares = 0;
    for (int i = 1; i < closes.size(); i++) {
      double r =
          Math.log(closes.get(i).value().doubleValue() / closes.get(i - 1).value().doubleValue());
      sumSquares += r * r;
    }
    double daily = Math.sqrt(sumSquares / (closes.size() - 1));
    return BigDecimal.valueOf(daily * Math.sqrt(TRADING_DAYS_PER_YEAR))
        .setScale(4, RoundingMode.HALF_EVEN);
  }

  private List<Observation> requireHistory(MarketSeries series) {
    Validation v = new Validation();
    v.require(
        series.size() > longRun,
        "series.points",
        "needs at least "
            + (longRun + 1)
            + " daily closes for a "
            + longRun
            + "-day long-run volatility, has "
            + series.size());
    for (int i = 0; i < series.size(); i++) {
      v.require(
          series.points().get(i).value().signum() > 0,
          "series.points[" + i + "].value",
          "must be positive to take log returns");
    }
    v.throwIfInvalid();
    return series.points();
  }
}
