package dev.finpilot.insight;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.HistoricalReturns;

/**
 * One replayed year of history as the data set has it: nominal returns of the S&P 500 and the
 * 10-year Treasury, and CPI inflation, as decimal fractions.
 */
public record StressYear(
    int planYear, int calendarYear, double usLargeCap, double treasuryBond, double inflation) {

  static StressYear of(HistoricalReturns data, int planYear, int calendarYear) {
    return new StressYear(
        planYear,
        calendarYear,
        data.returnOf(AssetClass.US_LARGE_CAP, calendarYear),
        data.returnOf(AssetClass.TREASURY_BOND, calendarYear),
        data.inflationOf(calendarYear));
  }
}
