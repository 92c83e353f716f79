package dev.finpilot.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An employer's match formula: {@code matchRate} of the employee's deferrals, on deferrals up to
 * {@code upToShareOfSalary} of pay. "50% up to 6%" is {@code (0.50, 0.06)}.
 */
public record EmployerMatch(BigDecimal matchRate, BigDecimal upToShareOfSalary) {

  public static final EmployerMatch NONE = new EmployerMatch(BigDecimal.ZERO, BigDecimal.ZERO);

  public boolean offered() {
    return matchRate.signum() > 0 && upToShareOfSalary.signum() > 0;
  }

  /** The monthly deferral that captures the whole match. */
  public Money monthlyDeferralForFullMatch(Money annualSalary) {
    return annualSalary.times(upToShareOfSalary).dividedBy(12);
  }

  /**
   * The employer's monthly contribution when the employee defers at least the full-match amount.
   */
  public Money monthlyMatchAtFullDeferral(Money annualSalary) {
    return monthlyDeferralForFullMatch(annualSalary).times(matchRate);
  }

  List<FieldError> validate(String path) {
    Validation v = new Validation();
    v.between(matchRate, BigDecimal.ZERO, new BigDecimal("2"), path + ".matchRate");
    v.between(upToShareOfSalary, BigDecimal.ZERO, BigDecimal.ONE, path + ".upToShareOfSalary");
    return v.errors();
  }
}
