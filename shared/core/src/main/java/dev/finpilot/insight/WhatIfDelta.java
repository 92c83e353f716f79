package dev.finpilot.insight;

/**
 * Changed minus current, figure by figure: positive success is better, positive shortfall worse.
 *
 * @param medianWealthAtGoal difference of the median wealth at each side's own goal date
 */
public record WhatIfDelta(
    double successProbability,
    double shortfallProbability,
    double medianShortfall,
    double meanShortfall,
    double depletionProbability,
    double medianWealthAtGoal) {

  static WhatIfDelta between(WhatIfOutcome current, WhatIfOutcome changed) {
    return new WhatIfDelta(
        changed.successProbability() - current.successProbability(),
        changed.shortfallProbability() - current.shortfallProbability(),
        changed.medianShortfall() - current.medianShortfall(),
        changed.meanShortfall() - current.meanShortfall(),
        changed.depletionProbability() - current.depletionProbability(),
        changed.medianWealthAtGoal() - current.medianWealthAtGoal());
  }
}
