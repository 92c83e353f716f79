package dev.finpilot.insight;

import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.ScenarioGenerator;

/**
 * The stresses a version is put through (docs/insight.md section 3): historical replays that start
 * in the worst years on record, and hypothetical shocks. {@link #AS_PLANNED} is the version's own
 * projection, the yardstick for the others.
 */
public enum StressScenario {
  AS_PLANNED(Kind.BASELINE, null, "the version's own projection"),
  REPLAY_1929(Kind.HISTORICAL, 1929, "the 1929 crash and the Depression"),
  REPLAY_1966(Kind.HISTORICAL, 1966, "1966: the start of sixteen years of high inflation"),
  REPLAY_1973(Kind.HISTORICAL, 1973, "1973-74 bear market and the oil shock"),
  REPLAY_2000(Kind.HISTORICAL, 2000, "2000: the dot-com bust, then 2008"),
  REPLAY_2008(Kind.HISTORICAL, 2008, "2008: the global financial crisis"),
  EQUITIES_DOWN_30_RATES_UP_2(
      Kind.HYPOTHETICAL,
      null,
      "equities -30% in year 1 with bond yields +2 points (bonds lose duration 8 x 2 points)"),
  EQUITIES_DOWN_50_INFLATION_UP_3(
      Kind.HYPOTHETICAL,
      null,
      "equities -50% in year 1 (2008-like) with inflation +3 points a year"),
  LOST_DECADE(Kind.HYPOTHETICAL, null, "a lost decade: equities 0% real for 10 years");

  /** What a stress is. */
  public enum Kind {
    BASELINE,
    HISTORICAL,
    HYPOTHETICAL
  }

  /**
   * Modified duration of the 10-year Treasury: a 10-year par bond's is {@code (1 - (1 + y)^-10) /
   * y}, 8.1 at a 4% yield and 7.7 at 5%. The data set's Treasury and Baa series are 10-year bonds
   * repriced from their yields each year (Damodaran's method), so the same duration applies to
   * both.
   */
  public static final double BOND_DURATION = 8.0;

  static final double RATE_RISE = 0.02;
  static final double FALL_WITH_RATES = -0.30;
  static final double FALL_WITH_INFLATION = -0.50;
  static final double EXTRA_INFLATION = 0.03;
  static final int LOST_DECADE_YEARS = 10;

  private final Kind kind;
  private final Integer startYear;
  private final String description;

  StressScenario(Kind kind, Integer startYear, String description) {
    this.kind = kind;
    this.startYear = startYear;
    this.description = description;
  }

  public Kind kind() {
    return kind;
  }

  /** The calendar year a replay starts in; null for the others. */
  public Integer startYear() {
    return startYear;
  }

  public String description() {
    return description;
  }

  /** {@code returns} with this stress laid over them. */
  ScenarioGenerator apply(ScenarioGenerator returns) {
    return switch (this) {
      case AS_PLANNED -> returns;
      case REPLAY_1929, REPLAY_1966, REPLAY_1973, REPLAY_2000, REPLAY_2008 ->
          returns.replaying(HistoricalReturns.embedded(), startYear);
      case EQUITIES_DOWN_30_RATES_UP_2 ->
          returns
              .equitiesInFirstYear(FALL_WITH_RATES)
              .ratesRiseInFirstYear(RATE_RISE, BOND_DURATION);
      case EQUITIES_DOWN_50_INFLATION_UP_3 ->
          returns.equitiesInFirstYear(FALL_WITH_INFLATION).extraInflation(EXTRA_INFLATION);
      case LOST_DECADE -> returns.zeroRealEquities(LOST_DECADE_YEARS);
    };
  }
}
