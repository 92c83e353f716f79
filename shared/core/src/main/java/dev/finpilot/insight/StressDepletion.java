package dev.finpilot.insight;

import dev.finpilot.projection.YearBand;
import java.util.List;

/**
 * Whether and when the money runs out: the first plan year whose withdrawal could not be paid in
 * full on the median path (in a replay's historical years every path is the same path).
 *
 * @param planYear that plan year, 0 being the year starting today; null when the money lasts
 * @param calendarYear the calendar year it starts in ({@code asOf}'s year + plan year)
 * @param historicalYear the year of history being replayed then; null outside a replay's history
 * @param age the owner's age in that year
 * @param probability share of all paths that ran out by the end of the horizon
 */
public record StressDepletion(
    boolean runsOut,
    Integer planYear,
    Integer calendarYear,
    Integer historicalYear,
    Integer age,
    double probability) {

  static StressDepletion of(
      List<YearBand> bands, int asOfYear, Integer replayStart, int historicalYears) {
    double probability = bands.get(bands.size() - 1).depletedProbability();
    for (int k = 1; k < bands.size(); k++) {
      if (bands.get(k).depletedProbability() >= 0.5) {
        int year = k - 1;
        Integer historical =
            replayStart != null && year < historicalYears ? replayStart + year : null;
        return new StressDepletion(
            true, year, asOfYear + year, historical, bands.get(k - 1).age(), probability);
      }
    }
    return new StressDepletion(false, null, null, null, null, probability);
  }
}
