package dev.finpilot.domain;

import java.time.LocalDate;
import java.util.List;

/** The input every engine shares: who, what they want, under which tax year, as of when. */
public record PlanningRequest(FinancialState state, List<Goal> goals, int taxYear, LocalDate asOf) {

  public PlanningRequest {
    goals = goals == null ? List.of() : List.copyOf(goals);
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
