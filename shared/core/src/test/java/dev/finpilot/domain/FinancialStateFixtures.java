package dev.finpilot.domain;

import java.time.LocalDate;
import java.util.List;

/** Shared test inputs: a typical household and a request for it. */
public final class FinancialStateFixtures {
  private FinancialStateFixtures() {}

  public static final LocalDate AS_OF = LocalDate.of(2026, 1, 5);

  public static FinancialState typical() {
    return FinancialStateTest.typical();
  }

  public static PlanningRequest request() {
    return new PlanningRequest(
        typical(),
        List.of(
            new Goal(
                GoalType.RETIREMENT,
                Money.usd(1_500_000),
                ValueBasis.TODAYS_DOLLARS,
                AS_OF.plusYears(30),
                1,
                "retire at 65")),
        2026,
        AS_OF);
  }
}
