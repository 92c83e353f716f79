package dev.finpilot.regulation;

import dev.finpilot.domain.Money;
import java.util.Optional;

/**
 * 401(k), 403(b), governmental 457(b) and TSP limits for one tax year. The elective-deferral limit
 * (IRC 402(g)) is per person across all of these plans, not per plan.
 *
 * @param rothCatchUpWageThreshold from 2026, catch-ups of people whose prior-year FICA wages exceed
 *     this must be made as Roth contributions (SECURE 2.0 section 603); empty before 2026
 */
public record EmployerPlanLimits(
    Money electiveDeferral,
    Money catchUp50,
    Money catchUp60to63,
    Money annualAdditions,
    Money compensationLimit,
    Money highlyCompensatedThreshold,
    Money definedBenefitLimit,
    Optional<Money> rothCatchUpWageThreshold,
    Citation source) {

  /** The catch-up available at an age attained by December 31: none, the 50+ or the 60-63 one. */
  public Money catchUp(int age) {
    Ages.require(age);
    if (Ages.inSuperCatchUpYears(age)) {
      return catchUp60to63;
    }
    return age >= Ages.CATCH_UP ? catchUp50 : Money.zero(electiveDeferral.currency());
  }

  public Money deferralLimit(int age) {
    return electiveDeferral.plus(catchUp(age));
  }
}
