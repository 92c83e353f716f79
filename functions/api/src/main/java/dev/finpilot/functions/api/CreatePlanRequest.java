package dev.finpilot.functions.api;

import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /v1/plans}: the household's state and its goals, either structured
 * ({@code goals}) or in plain words ({@code goalText}), and the {@code assumptions} to plan on
 * ({@link #DEFAULT_ASSUMPTIONS} when absent). {@code taxYear} is boxed so that a missing value is
 * told apart from a wrong one; {@code asOf} is not accepted from the client, it is the API's today.
 */
record CreatePlanRequest(
    FinancialState state,
    List<Goal> goals,
    String goalText,
    Integer taxYear,
    AssumptionBasis assumptions) {

  /**
   * A new plan is made in today's markets: its expected returns start from today's yields, which is
   * what the plan's early years will earn, and where no live source answers the snapshot falls back
   * to the historical means and says so. Every version records its snapshot, so planning on moving
   * markets costs no reproducibility.
   */
  static final AssumptionBasis DEFAULT_ASSUMPTIONS = AssumptionBasis.CURRENT_MARKET;

  /** The same request with the goals read from {@code goalText}. */
  CreatePlanRequest withGoals(List<Goal> readGoals) {
    return new CreatePlanRequest(state, readGoals, null, taxYear, assumptions);
  }

  /** How far the tax year may lie from the year the plan is made. */
  static final int TAX_YEAR_WINDOW = 1;

  PlanningRequest toPlanningRequest(LocalDate asOf) {
    return new PlanningRequest(
        state,
        goals,
        taxYear == null ? 0 : taxYear,
        asOf,
        assumptions == null ? DEFAULT_ASSUMPTIONS : assumptions);
  }

  /**
   * Every field error of the request, each named by its path in this body ({@code state.age},
   * {@code goals[0].targetDate}).
   */
  List<FieldError> validate(PlanningRequest request) {
    Validation v = new Validation();
    if (v.notNull(taxYear, "taxYear")) {
      int year = request.asOf().getYear();
      v.between(taxYear, year - TAX_YEAR_WINDOW, year + TAX_YEAR_WINDOW, "taxYear");
    }
    // The domain names the state's fields from the state itself ("age"); in this body they
    // live under "state".
    Set<FieldError> stateErrors = state == null ? Set.of() : new HashSet<>(state.validate());
    v.addAll(
        request.validate().stream()
            .map(
                e ->
                    stateErrors.contains(e) ? new FieldError("state." + e.field(), e.message()) : e)
            .toList());
    v.addAll(nonUsdAmounts());
    return v.errors();
  }

  /** FinPilot plans in US dollars; an amount in another currency cannot be added to the rest. */
  private List<FieldError> nonUsdAmounts() {
    List<FieldError> errors = state == null ? new ArrayList<>() : nonUsdAmounts(state);
    if (goals != null) {
      for (int i = 0; i < goals.size(); i++) {
        requireUsd(goals.get(i).targetAmount(), "goals[" + i + "].targetAmount", errors);
      }
    }
    return errors;
  }

  /** Every field error of a household state sent as {@code state}, named by its path there. */
  static List<FieldError> stateErrors(FinancialState state) {
    List<FieldError> errors = new ArrayList<>();
    state.validate().forEach(e -> errors.add(new FieldError("state." + e.field(), e.message())));
    errors.addAll(nonUsdAmounts(state));
    return errors;
  }

  private static List<FieldError> nonUsdAmounts(FinancialState state) {
    List<FieldError> errors = new ArrayList<>();
    requireUsd(state.annualIncome(), "state.annualIncome", errors);
    if (state.expenses() != null) {
      requireUsd(state.expenses().essential(), "state.expenses.essential", errors);
      requireUsd(state.expenses().discretionary(), "state.expenses.discretionary", errors);
      requireUsd(state.expenses().housing(), "state.expenses.housing", errors);
    }
    for (int i = 0; i < state.accounts().size(); i++) {
      requireUsd(state.accounts().get(i).balance(), "state.accounts[" + i + "].balance", errors);
    }
    for (int i = 0; i < state.debts().size(); i++) {
      String path = "state.debts[" + i + "]";
      requireUsd(state.debts().get(i).balance(), path + ".balance", errors);
      requireUsd(state.debts().get(i).minimumPayment(), path + ".minimumPayment", errors);
    }
    return errors;
  }

  static void requireUsd(Money amount, String field, List<FieldError> errors) {
    if (amount != null && !Money.USD.equals(amount.currency())) {
      errors.add(
          new FieldError(
              field + ".currency",
              "must be USD; " + amount.currency().getCurrencyCode() + " is not supported yet"));
    }
  }
}
