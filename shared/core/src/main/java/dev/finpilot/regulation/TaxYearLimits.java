package dev.finpilot.regulation;

import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;

/**
 * The US federal limits of one tax year. Every age argument is the age attained by December 31 of
 * that tax year, the basis the catch-up rules use.
 */
public record TaxYearLimits(
    int taxYear,
    EmployerPlanLimits employerPlan,
    IraLimits ira,
    HsaLimits hsa,
    RothIraPhaseOuts rothIraPhaseOuts,
    TraditionalIraDeductionPhaseOuts traditionalIraDeductionPhaseOuts,
    StandardDeductions standardDeductions,
    IncomeTaxSchedules incomeTax) {

  /** 401(k)/403(b) elective deferral including the catch-up the age allows. */
  public Cited<Money> employerPlanDeferralLimit(int age) {
    return new Cited<>(employerPlan.deferralLimit(age), employerPlan.source());
  }

  /** Combined traditional + Roth IRA contribution limit including the 50+ catch-up. */
  public Cited<Money> iraLimit(int age) {
    return new Cited<>(ira.limit(age), ira.source());
  }

  /** HSA limit for the HDHP coverage held; zero without HDHP coverage. */
  public Cited<Money> hsaLimit(HsaCoverage coverage, int age) {
    return new Cited<>(hsa.limit(coverage, age), hsa.source());
  }

  public Cited<PhaseOut> rothPhaseOut(FilingStatus status) {
    return new Cited<>(rothIraPhaseOuts.forStatus(status), rothIraPhaseOuts.source());
  }

  public Cited<Money> standardDeduction(FilingStatus status) {
    return new Cited<>(standardDeductions.forStatus(status), standardDeductions.source());
  }

  public Cited<TaxBrackets> brackets(FilingStatus status) {
    return new Cited<>(incomeTax.forStatus(status), incomeTax.source());
  }

  /**
   * Federal income tax on ordinary income with the standard deduction only: no credits, no other
   * deductions, no payroll or state tax. An estimate for cash-flow checks, not a tax return.
   */
  public Money federalIncomeTax(FilingStatus status, Money grossIncome) {
    Money taxable =
        grossIncome
            .minus(standardDeductions.forStatus(status))
            .max(Money.zero(grossIncome.currency()));
    return incomeTax.forStatus(status).taxOn(taxable);
  }
}
