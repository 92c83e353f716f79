package dev.finpilot.insight;

import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.projection.YearBand;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import java.time.LocalDate;
import java.util.List;

/**
 * One side of a what-if: the projection toward the goal and the verifier's verdict on the plan.
 * Amounts are in the projection's report basis (today's dollars for every version).
 *
 * @param goalDate the goal's date on this side
 * @param goalAge the age at the end of the projection's last year
 * @param bands wealth percentiles (p10..p90) by plan year, year 0 being today
 * @param medianDepletionAge the age by which half the paths that ran out had done so; null when no
 *     path ran out
 * @param findingCodes the rule codes of the verifier's findings, in report order
 */
public record WhatIfOutcome(
    LocalDate goalDate,
    int years,
    int goalAge,
    String model,
    double successProbability,
    List<YearBand> bands,
    double shortfallProbability,
    double medianShortfall,
    double meanShortfall,
    double depletionProbability,
    Integer medianDepletionAge,
    String verificationOutcome,
    List<RuleCode> findingCodes) {

  public WhatIfOutcome {
    bands = List.copyOf(bands);
    findingCodes = List.copyOf(findingCodes);
  }

  static WhatIfOutcome of(LocalDate goalDate, ProjectionResult result, VerificationReport report) {
    YearBand last = result.finalBand();
    return new WhatIfOutcome(
        goalDate,
        result.years(),
        last.age(),
        result.model(),
        result.successProbability(),
        result.bands(),
        result.shortfall().probability(),
        result.shortfall().median(),
        result.shortfall().mean(),
        result.shortfall().depletionProbability(),
        result.shortfall().medianDepletionAge().isPresent()
            ? result.shortfall().medianDepletionAge().getAsInt()
            : null,
        report.outcome().name(),
        report.findings().stream().map(Finding::code).toList());
  }

  /** Median wealth at the goal date (the last band). */
  public double medianWealthAtGoal() {
    return bands.get(bands.size() - 1).p50();
  }
}
