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

  /** The name planners and users know the account by, for messages and steps. */
  public String label() {
    return switch (this) {
      case CASH -> "cash";
      case TAXABLE_BROKERAGE -> "taxable brokerage account";
      case EMPLOYER_401K -> "401(k)";
      case EMPLOYER_403B -> "403(b)";
      case TRADITIONAL_IRA -> "traditional IRA";
      case ROTH_IRA -> "Roth IRA";
      case HSA -> "HSA";
      case EDUCATION_529 -> "529 plan";
    };
  }

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

  /**
   * Whether federal law caps what can go in each year. A 529 plan has no federal annual limit: its
   * caps are each state's aggregate limit per beneficiary, and the gift-tax exclusion is a
   * reporting threshold, not a contribution limit.
   */
  public boolean hasAnnualContributionLimit() {
    return isTaxAdvantaged() && this != EDUCATION_529;
  }
}
