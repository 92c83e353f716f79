package dev.finpilot.functions.api;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.LifeEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/plans/{planId}/life-events}: what happened, the numbers that go with
 * it, and optionally the household's whole new state (which then replaces the plan's).
 */
record LifeEventReport(
    LifeEventType type, BigDecimal incomeChangePercent, Money amount, FinancialState state) {

  LifeEvent toLifeEvent(String id, Instant reportedAt) {
    return new LifeEvent(id, type, reportedAt, incomeChangePercent, amount);
  }

  /** The event's field errors, and the state's if one was sent, each named by its path. */
  List<FieldError> validate(LifeEvent event) {
    List<FieldError> errors = new ArrayList<>(event.validate());
    CreatePlanRequest.requireUsd(amount, "amount", errors);
    if (state != null) {
      errors.addAll(CreatePlanRequest.stateErrors(state));
    }
    return errors;
  }
}
