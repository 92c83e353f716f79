package dev.finpilot.projection;

import dev.finpilot.domain.ValueBasis;
import java.util.List;
import java.util.Optional;

/**
 * What a projection found. Amounts are dollars in {@code reportBasis}: today's dollars (deflated by
 * each path's own inflation) or nominal.
 *
 * @param model the generator's description (method, data edition or assumption source)
 * @param paths paths simulated (for the rolling backtest: the number of start years)
 * @param successProbability share of paths that never ran out and reached the target
 * @param bands wealth percentiles for year 0 (the start) through {@code years}
 * @param cycles one entry per start year for the rolling backtest, otherwise empty
 */
public record ProjectionResult(
    String model,
    long seed,
    int paths,
    int years,
    StepFrequency frequency,
    ValueBasis reportBasis,
    double successProbability,
    List<YearBand> bands,
    Shortfall shortfall,
    List<HistoricalCycle> cycles) {

  public ProjectionResult {
    bands = List.copyOf(bands);
    cycles = List.copyOf(cycles);
  }

  /** The band at the horizon. */
  public YearBand finalBand() {
    return bands.get(bands.size() - 1);
  }

  /** The backtest window that started in {@code startYear}, if there was one. */
  public Optional<HistoricalCycle> cycle(int startYear) {
    return cycles.stream().filter(c -> c.startYear() == startYear).findFirst();
  }
}
