package dev.finpilot.domain;

/**
 * A planned withdrawal from an account at a given age, with the IRC 72(t) exception the plan relies
 * on, if any.
 */
public record Withdrawal(AccountType account, Money amount, int age, PenaltyException exception) {

  /** Exceptions to the 10% additional tax on early distributions. */
  public enum PenaltyException {
    NONE,
    RULE_OF_55,
    DISABILITY,
    SUBSTANTIALLY_EQUAL_PERIODIC_PAYMENTS,
    FIRST_HOME_PURCHASE,
    HIGHER_EDUCATION,
    MEDICAL_EXPENSES,
    BIRTH_OR_ADOPTION,
    EMERGENCY_PERSONAL_EXPENSE,
    ROTH_CONTRIBUTION_BASIS
  }

  public Withdrawal {
    exception = exception == null ? PenaltyException.NONE : exception;
  }
}
