package dev.finpilot.goals;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Facts about the user that fill pieces the text left out when goals are converted.
 *
 * @param monthlyEssentialExpenses sizes an emergency fund given without an amount
 * @param plannedRetirementAge dates a retirement goal given without an age or horizon
 */
public record ConversionContext(
    Optional<Money> monthlyEssentialExpenses, OptionalInt plannedRetirementAge) {

  public ConversionContext {
    Objects.requireNonNull(monthlyEssentialExpenses, "monthlyEssentialExpenses");
    Objects.requireNonNull(plannedRetirementAge, "plannedRetirementAge");
  }

  /** No facts: every missing piece is an error. */
  public static ConversionContext none() {
    return new ConversionContext(Optional.empty(), OptionalInt.empty());
  }

  public static ConversionContext withEssentialExpenses(Money monthly) {
    return new ConversionContext(Optional.of(monthly), OptionalInt.empty());
  }

  /** The essential expenses and planned retirement age from the user's financial state. */
  public static ConversionContext from(FinancialState state) {
    return new ConversionContext(
        Optional.ofNullable(state.expenses()).map(e -> e.essential()),
        OptionalInt.of(state.plannedRetirementAge()));
  }
}
