package dev.finpilot.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The input every engine shares: who, what they want, under which tax year, as of when, and on
 * which assumptions about markets. A request stored before {@code assumptions} existed reads as
 * {@link AssumptionBasis#HISTORICAL}, the only basis there was then.
 */
public record PlanningRequest(
    FinancialState state,
    List<Goal> goals,
    int taxYear,
    LocalDate asOf,
    AssumptionBasis assumptions) {

  public PlanningRequest {
    goals = goals == null ? List.of() : List.copyOf(goals);
    assumptions = assumptions == null ? AssumptionBasis.HISTORICAL : assumptions;
  }

  /** A request on the historical assumptions. */
  public PlanningRequest(FinancialState state, List<Goal> goals, int taxYear, LocalDate asOf) {
    this(state, goals, taxYear, asOf, AssumptionBasis.HISTORICAL);
  }

  /** The same request with another state, as of another date (after a life event). */
  public PlanningRequest revised(FinancialState newState, int newTaxYear, LocalDate newAsOf) {
    return new PlanningRequest(newState, goals, newTaxYear, newAsOf, assumptions);
  }

  public List<FieldError> validate() {
    Validation v = new Validation();
    if (v.notNull(state, "state")) {
      v.addAll(state.validate());
    }
    v.require(!goals.isEmpty(), "goals", "at least one goal is required");
    v.require(goals.size() <= 10, "goals", "at most 10 goals are allowed");
    if (v.notNull(asOf, "asOf")) {
      for (int i = 0; i < goals.size(); i++) {
        v.addAll(goals.get(i).validate("goals[" + i + "]", asOf));
      }
    }
    return v.errors();
  }
}
