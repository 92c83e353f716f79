package dev.finpilot.domain;

/** A recurring monthly amount the plan directs into one account type. */
public record Contribution(AccountType account, Money monthlyAmount) {

  public Money annualAmount() {
    return monthlyAmount.times(12);
  }
}
