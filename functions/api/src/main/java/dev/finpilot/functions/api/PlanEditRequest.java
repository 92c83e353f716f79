package dev.finpilot.functions.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Payloads;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PATCH /v1/plans/{planId}}: new {@code goals}, a new household {@code state}
 * (also accepted as {@code household}), or both, named as in the create-plan request; what is left
 * out stays as it is.
 */
record PlanEditRequest(@JsonAlias("household") FinancialState state, List<Goal> goals) {

  Payloads.PlanEdit toEdit() {
    return new Payloads.PlanEdit(goals, state);
  }

  /**
   * The field errors of the plan's request as it would be after the edit, checked as a new plan is:
   * each named by its path in this body.
   */
  List<FieldError> validate(PlanningRequest current, LocalDate today) {
    if (state == null && goals == null) {
      return List.of(
          new FieldError("goals", "send goals, state or both: the parts of the plan to change"));
    }
    CreatePlanRequest edited =
        new CreatePlanRequest(
            state == null ? current.state() : state,
            goals == null ? current.goals() : goals,
            null,
            Math.max(current.taxYear(), today.getYear()),
            current.assumptions());
    List<FieldError> errors = new ArrayList<>(edited.validate(edited.toPlanningRequest(today)));
    if (state == null) {
      // The plan's own state passed when it was made; only the edited parts are the caller's.
      errors.removeIf(e -> e.field().startsWith("state"));
    }
    return errors;
  }
}
