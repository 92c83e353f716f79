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
    return new PlanBuilder(context(request)).build(strategy, adjustments);
  }

  static Budget budget(PlanningRequest request) {
    return context(request).budget();
  }

  private static PlanningContext context(PlanningRequest request) {
    TaxYearLimits limits = RegulatoryTable.usDefault().year(request.taxYear());
    return PlanningContext.of(request, limits, VerificationPolicy.defaults());
  }
}
