package dev.finpilot.insight;

import java.util.List;

/**
 * How the version fares under one stress. Amounts are in today's dollars (the projection's report
 * basis). Path figures (drawdowns, depletion) follow the median path: in a replay's historical
 * years all paths are the same, so they are exact there.
 *
 * @param historicalYears plan years taken from history (0 for a hypothetical shock)
 * @param simulatedYears later plan years, drawn from the version's generator with its seed
 * @param replayed the history replayed, year by year, from the data set
 * @param successProbability the share of paths reaching the target by the goal date
 * @param successChange this success minus the version's own
 * @param wealthAtGoalP10 10th percentile of wealth at the goal date (p50 and p90 likewise)
 * @param portfolio drawdown of the portfolio's value with its cash flows
 * @param market drawdown of the allocation alone: a dollar invested, no cash flows
 * @param depletion whether and when the money runs out (in retirement, for a retirement goal)
 * @param model what produced the returns, stress included
 */
public record StressOutcome(
    StressScenario scenario,
    StressScenario.Kind kind,
    String description,
    Integer startYear,
    int historicalYears,
    int simulatedYears,
    List<StressYear> replayed,
    double successProbability,
    double successChange,
    double wealthAtGoalP10,
    double wealthAtGoalP50,
    double wealthAtGoalP90,
    boolean medianReachesTarget,
    StressDrawdown portfolio,
    StressDrawdown market,
    StressDepletion depletion,
    String model) {

  public StressOutcome {
    replayed = List.copyOf(replayed);
  }
}
