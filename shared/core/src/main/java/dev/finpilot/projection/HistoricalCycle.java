package dev.finpilot.projection;

import java.util.OptionalInt;

/**
 * One window of the rolling historical backtest: the plan replayed from calendar year {@code
 * startYear} ("what if I had retired in 1966").
 *
 * @param terminalWealth wealth at the horizon in the result's report basis
 * @param depletedIn calendar year of the first withdrawal the portfolio could not pay in full
 */
public record HistoricalCycle(
    int startYear, boolean success, double terminalWealth, OptionalInt depletedIn) {}
