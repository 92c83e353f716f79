package dev.finpilot.planning;

import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.regulation.PhaseOut;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.regulation.TraditionalIraDeductionPhaseOuts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The annual room in each tax-advantaged account for the request's tax year, age and income, from
 * the regulatory table. Ages are the age attained by December 31 of the tax year, the basis of the
 * catch-up rules; 401(k) and IRA limits are also capped at taxable compensation. Caps cited by a
 * verifier finding ({@link Adjustments.LimitChange#annualCaps()}) lower the limits further, and a
 * repair may leave catch-up contributions or the Roth IRA out.
 */
final class ContributionRoom {

  /** Which limit an account's contributions count against. */
  enum LimitGroup {
    EMPLOYER_PLAN,
    IRA,
    HSA
  }

  private final FinancialState state;
  private final TaxYearLimits limits;
  private final Adjustments.LimitChange changes;
  private final int age;

  ContributionRoom(PlanningRequest request, TaxYearLimits limits, Adjustments.LimitChange changes) {
    this.state = request.state();
    this.limits = limits;
    this.changes = changes;
    this.age = state.age() + (request.taxYear() - request.asOf().getYear());
  }

  /** The age attained by December 31 of the tax year. */
  int ageForLimits() {
    return age;
  }

  Money employerPlanAnnual() {
    Money statutory =
        changes.noCatchUp()
            ? limits.employerPlan().electiveDeferral()
            : limits.employerPlanDeferralLimit(age).value();
    return capped(LimitGroup.EMPLOYER_PLAN, statutory.min(state.annualIncome()));
  }

  /** The shared traditional + Roth IRA limit. */
  Money iraAnnual() {
    Money statutory =
        changes.noCatchUp() ? limits.ira().contribution() : limits.iraLimit(age).value();
    return capped(LimitGroup.IRA, statutory.min(state.annualIncome()));
  }

  Money hsaAnnual() {
    return capped(LimitGroup.HSA, limits.hsaLimit(state.hsaCoverage(), age).value());
  }

  /** Roth IRA room at an estimated MAGI, per the IRS phase-out worksheet. */
  Money rothAnnual(Money magi) {
    if (changes.avoidRoth()) {
      return Money.zeroUsd();
    }
    return limits.rothPhaseOut(state.filingStatus()).value().reducedLimit(iraAnnual(), magi);
  }

  /**
   * Deductible traditional IRA room. Without a workplace plan the whole IRA limit is deductible;
   * with one, the deduction phases out over the table's range (married filing separately, which the
   * table does not cover, is treated as not deductible).
   */
  Money deductibleTraditionalAnnual(Money magi, boolean coveredByWorkplacePlan) {
    if (!coveredByWorkplacePlan) {
      return iraAnnual();
    }
    TraditionalIraDeductionPhaseOuts phaseOuts = limits.traditionalIraDeductionPhaseOuts();
    PhaseOut range =
        switch (state.filingStatus()) {
          case SINGLE, HEAD_OF_HOUSEHOLD -> phaseOuts.singleCovered();
          case MARRIED_FILING_JOINTLY -> phaseOuts.marriedJointContributorCovered();
          case MARRIED_FILING_SEPARATELY -> null;
        };
    return range == null ? Money.zeroUsd() : range.reducedLimit(iraAnnual(), magi);
  }

  /** The marginal federal rate on income after the standard deduction and pre-tax saving. */
  BigDecimal marginalRate(Money preTaxSaving) {
    FilingStatus status = state.filingStatus();
    Money taxable =
        state
            .annualIncome()
            .minus(preTaxSaving)
            .minus(limits.standardDeduction(status).value())
            .max(Money.zeroUsd());
    return limits.brackets(status).value().marginalRate(taxable);
  }

  /**
   * The largest monthly amount that keeps twelve payments within an annual limit: the limit over
   * twelve rounded down to the cent, so the limit is never exceeded.
   */
  static Money monthly(Money annual) {
    return Money.usd(annual.amount().divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN));
  }

  private Money capped(LimitGroup group, Money limit) {
    Money cap = changes.annualCaps().get(group);
    return cap == null ? limit : limit.min(cap);
  }
}
