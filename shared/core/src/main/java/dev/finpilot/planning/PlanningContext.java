package dev.finpilot.planning;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.VerificationPolicy;

/**
 * One request with what every planning step reads from it: the tax year's limits, the verifier's
 * policy, the goals in priority order and the monthly budget.
 */
record PlanningContext(
    PlanningRequest request,
    TaxYearLimits limits,
    VerificationPolicy policy,
    GoalBook goals,
    Budget budget) {

  static PlanningContext of(
      PlanningRequest request, TaxYearLimits limits, VerificationPolicy policy) {
    return new PlanningContext(
        request,
        limits,
        policy,
        new GoalBook(request, policy.shortHorizonMonths()),
        Budget.of(request, limits, policy));
  }

  FinancialState state() {
    return request.state();
  }
}
