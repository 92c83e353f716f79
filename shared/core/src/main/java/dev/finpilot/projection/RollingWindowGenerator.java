package dev.finpilot.projection;

import dev.finpilot.domain.FieldError;
import dev.finpilot.market.HistoricalReturns;
import java.util.List;

/**
 * The historical backtest (FIRECalc / Bengen / Trinity style): one path per start year with a full
 * window of history after it, replaying the actual sequence of returns and CPI. With the request's
 * start-of-year withdrawals in today's dollars this is CPI-indexed spending, annual rebalancing and
 * no fees. Path {@code p} starts in {@code firstYear() + p}; no randomness is used.
 */
public final class RollingWindowGenerator implements ReturnGenerator {
  private final HistoricalReturns data;

  public RollingWindowGenerator(HistoricalReturns data) {
    this.data = data;
  }

  /** Backtest over the embedded data set. */
  public static RollingWindowGenerator embedded() {
    return new RollingWindowGenerator(HistoricalReturns.embedded());
  }

  @Override
  public String description() {
    return "rolling historical windows "
        + data.firstYear()
        + "-"
        + data.lastYear()
        + ", "
        + data.edition();
  }

  /** Calendar year in which path {@code path} starts. */
  public int startYear(int path) {
    return data.firstYear() + path;
  }

  @Override
  public List<FieldError> validate(PathSpec spec) {
    List<FieldError> errors = BootstrapGenerator.annualOnly(spec, "rolling backtest");
    if (spec.years() > data.yearCount()) {
      errors.add(
          new FieldError(
              "years",
              "the rolling backtest needs a full window of history: at most "
                  + data.yearCount()
                  + " years, was "
                  + spec.years()));
    }
    return errors;
  }

  @Override
  public int pathCount(int requestedPaths, int years) {
    return data.yearCount() - years + 1;
  }

  @Override
  public PathSampler sampler(PathSpec spec) {
    HistoricalTable table = new HistoricalTable(data, spec.assets(), spec.real());
    int steps = spec.steps();
    int[] window = new int[steps];
    return (path, random, growth, inflation) -> {
      for (int t = 0; t < steps; t++) {
        window[t] = path + t;
      }
      table.copyYears(window, steps, growth, inflation);
    };
  }
}
