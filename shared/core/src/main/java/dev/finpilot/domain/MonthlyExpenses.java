package dev.finpilot.domain;

import java.util.List;

/**
 * Monthly spending. {@code housing} (rent or mortgage payment, taxes, insurance) is part of {@code
 * essential}; it is named separately because the housing ratio is a rule of its own.
 */
public record MonthlyExpenses(Money essential, Money discretionary, Money housing) {

  public Money total() {
    return essential.plus(discretionary);
  }

  List<FieldError> validate(String path) {
    Validation v = new Validation();
    v.nonNegative(essential, path + ".essential");
    v.nonNegative(discretionary, path + ".discretionary");
    v.nonNegative(housing, path + ".housing");
    if (v.errors().isEmpty()) {
      v.require(
          !housing.isGreaterThan(essential),
          path + ".housing",
          "is part of essential expenses and cannot exceed them");
    }
    return v.errors();
  }
}
