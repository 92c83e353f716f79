package dev.finpilot.domain;

import java.util.List;

/** Everything FinPilot knows about a household's finances at one moment, in USD. */
public record FinancialState(
    int age,
    FilingStatus filingStatus,
    Money annualIncome,
    MonthlyExpenses expenses,
    List<Account> accounts,
    EmployerMatch employerMatch,
    List<Debt> debts,
    int dependents,
    RiskTolerance riskTolerance,
    int plannedRetirementAge,
    HsaCoverage hsaCoverage) {

  public static final int MIN_AGE = 18;
  public static final int MAX_AGE = 100;

  public FinancialState {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    debts = debts == null ? List.of() : List.copyOf(debts);
    employerMatch = employerMatch == null ? EmployerMatch.NONE : employerMatch;
    hsaCoverage = hsaCoverage == null ? HsaCoverage.NONE : hsaCoverage;
  }

  public Money monthlyGrossIncome() {
    return annualIncome.dividedBy(12);
  }

  public Money balance(AccountType type) {
    return accounts.stream()
        .filter(a -> a.type() == type)
        .map(Account::balance)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  public Money investedAssets() {
    return accounts.stream()
        .filter(a -> a.type() != AccountType.CASH)
        .map(Account::balance)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  public Money totalAssets() {
    return accounts.stream().map(Account::balance).reduce(Money.zeroUsd(), Money::plus);
  }

  public Money totalDebt() {
    return debts.stream().map(Debt::balance).reduce(Money.zeroUsd(), Money::plus);
  }

  public Money netWorth() {
    return totalAssets().minus(totalDebt());
  }

  public Money minimumDebtPayments() {
    return debts.stream().map(Debt::minimumPayment).reduce(Money.zeroUsd(), Money::plus);
  }

  public int yearsToRetirement() {
    return Math.max(0, plannedRetirementAge - age);
  }

  public List<FieldError> validate() {
    Validation v = new Validation();
    v.between(age, MIN_AGE, MAX_AGE, "age");
    v.notNull(filingStatus, "filingStatus");
    v.nonNegative(annualIncome, "annualIncome");
    if (v.notNull(expenses, "expenses")) {
      v.addAll(expenses.validate("expenses"));
    }
    for (int i = 0; i < accounts.size(); i++) {
      v.addAll(accounts.get(i).validate("accounts[" + i + "]"));
    }
    for (int i = 0; i < debts.size(); i++) {
      v.addAll(debts.get(i).validate("debts[" + i + "]"));
    }
    v.addAll(employerMatch.validate("employerMatch"));
    v.between(dependents, 0, 20, "dependents");
    v.notNull(riskTolerance, "riskTolerance");
    v.between(plannedRetirementAge, Math.max(MIN_AGE, age), MAX_AGE, "plannedRetirementAge");
    return v.errors();
  }
}
