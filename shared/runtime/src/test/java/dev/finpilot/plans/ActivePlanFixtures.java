package dev.finpilot.plans;

import dev.finpilot.domain.FinancialStateFixtures;
import java.time.Instant;
import java.util.List;

/** Plans in force, as the workflow leaves them, for the tests of every module. */
public final class ActivePlanFixtures {

  private ActivePlanFixtures() {}

  /** ACTIVE on {@code version}, owned by {@code user-<planId>}, last changed {@code at}. */
  public static PlanRecord active(String planId, int version, Instant at) {
    return new PlanRecord(
        planId,
        "user-" + planId,
        PlanStatus.ACTIVE,
        0,
        version,
        version,
        1,
        null,
        List.of(),
        "corr-" + planId,
        null,
        null,
        FinancialStateFixtures.request(),
        at,
        at);
  }
}
