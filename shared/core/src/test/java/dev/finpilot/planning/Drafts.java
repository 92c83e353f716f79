package dev.finpilot.planning;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.VerificationPolicy;

/** Builds strategy drafts directly, for tests of the waterfall and its limits. */
final class Drafts {
  private Drafts() {}

  static Draft of(PlanningRequest request, Strategy strategy) {
    return of(request, strategy, Adjustments.NONE);
  }

  static Draft of(PlanningRequest request, Strategy strategy, Adjustments adjustments) {
    VerificationPolicy policy = VerificationPolicy.defaults();
    TaxYearLimits limits = RegulatoryTable.usDefault().year(request.taxYear());
    GoalBook goals = new GoalBook(request, policy.shortHorizonMonths());
    return new PlanBuilder(request, limits, policy, goals, Budget.of(request, limits, policy))
        .build(strategy, adjustments);
  }

  static Budget budget(PlanningRequest request) {
    VerificationPolicy policy = VerificationPolicy.defaults();
    return Budget.of(request, RegulatoryTable.usDefault().year(request.taxYear()), policy);
  }
}
