package dev.finpilot.regulation;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Withdrawal.PenaltyException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The 10% additional tax on distributions from retirement accounts before age 59 1/2 (IRC 72(t))
 * and which of its exceptions apply to which accounts. Hardship withdrawals are not an exception.
 *
 * @param ruleOf55 the data set's description of the rule of 55
 */
public record EarlyWithdrawalRules(
    BigDecimal penaltyRate,
    BigDecimal penaltyFreeAge,
    boolean hardshipIsException,
    int ruleOf55Age,
    String ruleOf55,
    Money firstHomeIraLifetimeCap,
    Money birthOrAdoptionCap,
    Money emergencyPersonalExpenseAnnualCap,
    Citation source) {

  /**
   * Whether a withdrawal at an age in whole years may fall before 59 1/2. At 59 it does for the
   * months before the half-birthday, so 59 counts as early; from 60 it never is.
   */
  public boolean isEarly(int ageInWholeYears) {
    return BigDecimal.valueOf(ageInWholeYears).compareTo(penaltyFreeAge) < 0;
  }

  /**
   * Whether the exception can apply to withdrawals from this account type at all. The rule of 55,
   * for example, covers employer plans only; first-home and higher-education exceptions cover IRAs
   * only; penalty-free return of Roth contributions is a Roth IRA ordering rule.
   */
  public boolean exceptionAppliesTo(PenaltyException exception, AccountType account) {
    return switch (exception) {
      case NONE -> false;
      case RULE_OF_55 -> account.isEmployerPlan();
      case FIRST_HOME_PURCHASE, HIGHER_EDUCATION -> account.isIra();
      case ROTH_CONTRIBUTION_BASIS -> account == AccountType.ROTH_IRA;
      case DISABILITY,
          SUBSTANTIALLY_EQUAL_PERIODIC_PAYMENTS,
          MEDICAL_EXPENSES,
          BIRTH_OR_ADOPTION,
          EMERGENCY_PERSONAL_EXPENSE ->
          account.isRetirement();
    };
  }

  /**
   * The most an exception shelters: first home $10,000 per lifetime, birth or adoption $5,000 per
   * event, emergency personal expense $1,000 per year. Other exceptions are uncapped.
   */
  public Optional<Money> exceptionCap(PenaltyException exception) {
    return switch (exception) {
      case FIRST_HOME_PURCHASE -> Optional.of(firstHomeIraLifetimeCap);
      case BIRTH_OR_ADOPTION -> Optional.of(birthOrAdoptionCap);
      case EMERGENCY_PERSONAL_EXPENSE -> Optional.of(emergencyPersonalExpenseAnnualCap);
      default -> Optional.empty();
    };
  }
}
