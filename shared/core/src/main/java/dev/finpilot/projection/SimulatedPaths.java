package dev.finpilot.projection;

import java.util.Arrays;

/**
 * Every path of one projection, beside its summary: what {@link ProjectionEngine#simulate} returns
 * for analyses that need the whole distribution. Amounts are dollars in the result's report basis.
 * Read-only: the accessors copy or index, so no caller can change the paths another reads.
 */
public final class SimulatedPaths {

  private final ProjectionResult result;
  private final ProjectionRequest request;
  private final int paths;
  private final int years;

  /** {@code [year * paths + path]}, year 0 being the end of the first plan year. */
  private final double[] wealth;

  private final double[] marketGrowth;
  private final int[] depletedInYear;
  private final boolean[] succeeded;
  private final double[] targets;

  SimulatedPaths(
      ProjectionResult result,
      ProjectionRequest request,
      double[] wealth,
      double[] marketGrowth,
      int[] depletedInYear,
      boolean[] succeeded,
      double[] targets) {
    this.result = result;
    this.request = request;
    this.paths = result.paths();
    this.years = result.years();
    this.wealth = wealth;
    this.marketGrowth = marketGrowth;
    this.depletedInYear = depletedInYear;
    this.succeeded = succeeded;
    this.targets = targets;
  }

  /** The summary, identical to what {@link ProjectionEngine#project} gives for the request. */
  public ProjectionResult result() {
    return result;
  }

  /** The request that was simulated. */
  public ProjectionRequest request() {
    return request;
  }

  public int paths() {
    return paths;
  }

  public int years() {
    return years;
  }

  /** Wealth of {@code path} at the end of plan year {@code year} (1 = the first; 0 = the start). */
  public double wealth(int path, int year) {
    return year == 0 ? request.startingBalance() : wealth[(year - 1) * paths + path];
  }

  /** Every path's wealth at the end of plan year {@code year} (1 = the first), in path order. */
  public double[] wealthAt(int year) {
    int from = (year - 1) * paths;
    return Arrays.copyOfRange(wealth, from, from + paths);
  }

  /**
   * What one dollar invested at the start of plan year {@code year} (1 = the first) at that year's
   * target allocation was worth at its end on {@code path}: the market alone, without cash flows.
   * In today's dollars when the report is.
   */
  public double marketGrowth(int path, int year) {
    return marketGrowth[(year - 1) * paths + path];
  }

  /** Plan year (1 = the first) in which the path first could not pay a withdrawal, or 0. */
  public int depletedInYear(int path) {
    return depletedInYear[path] + 1;
  }

  /** Whether the path never ran out and reached the target. */
  public boolean succeeded(int path) {
    return succeeded[path];
  }

  /** The target in the report basis on this path (a nominal target deflated by its inflation). */
  public double target(int path) {
    return targets[path];
  }
}
