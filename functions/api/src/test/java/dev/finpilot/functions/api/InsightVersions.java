package dev.finpilot.functions.api;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.verification.Verifier;
import java.time.Instant;

/**
 * Plan versions as the agents make them: the planner's real result for the sample household,
 * verified by the standard verifier. Planned once per test run (the planner is deterministic), at
 * fewer paths than production so tests stay quick.
 */
final class InsightVersions {
  static final int PATHS = 1_000;

  private static final PlanningRequest REQUEST = FinancialStateFixtures.request();
  private static final PlanningResult RESULT =
      new Planner().plan(REQUEST, PlanningOptions.defaults().withPaths(PATHS));

  private InsightVersions() {}

  static PlanningRequest request() {
    return REQUEST;
  }

  static PlanningResult result() {
    return RESULT;
  }

  /** Version {@code number} of {@code planId}: the planner's result, verified. */
  static PlanVersion planned(String planId, int number, Instant at) {
    return new PlanVersion(
        planId,
        number,
        RESULT.plan(),
        PlanReasoning.of(RESULT),
        RESULT.projection(),
        Verifier.standard().verify(RESULT.plan(), REQUEST),
        at,
        MarketSnapshot.historical(),
        REQUEST);
  }
}
