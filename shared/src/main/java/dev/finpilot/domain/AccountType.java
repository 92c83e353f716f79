package dev.finpilot.domain;

/** The account wrappers FinPilot plans with; each has its own tax treatment and limits. */
public enum AccountType {
  CASH,
  TAXABLE_BROKERAGE,
  EMPLOYER_401K,
  EMPLOYER_403B,
  TRADITIONAL_IRA,
  ROTH_IRA,
  HSA,
  EDUCATION_529;

  public boolean isEmployerPlan() {
    return this == EMPLOYER_401K || this == EMPLOYER_403B;
  }

  public boolean isIra() {
    return this == TRADITIONAL_IRA || this == ROTH_IRA;
  }

  /** Accounts whose early withdrawals fall under IRC 72(t). */
  public boolean isRetirement() {
    return isEmployerPlan() || isIra();
  }

  public boolean isTaxAdvantaged() {
    return this != CASH && this != TAXABLE_BROKERAGE;
  }
}
