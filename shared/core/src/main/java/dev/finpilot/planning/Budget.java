package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The household's monthly cash flow, computed exactly as the verifier's cash-flow rule computes it
 * so that a plan within {@link #surplus()} can never trip {@code CASH_FLOW_NEGATIVE}: gross income
 * less federal income tax (the tax year's brackets and standard deduction) and payroll tax, over
 * twelve, less all monthly expenses, less minimum payments on debts other than housing (housing
 * debt is already part of the expenses).
 *
 * @param afterTaxIncome monthly income after estimated income and payroll tax
 * @param disposable after-tax income less all monthly expenses
 * @param minimumDebtPayments the monthly minimums on non-housing debts
 * @param surplus what is left for saving and extra debt payments; negative when the household runs
 *     a deficit
 */
record Budget(Money afterTaxIncome, Money disposable, Money minimumDebtPayments, Money surplus) {

  static Budget of(PlanningRequest request, TaxYearLimits limits, VerificationPolicy policy) {
    FinancialState state = request.state();
    Money income = state.annualIncome();
    Money incomeTax = limits.federalIncomeTax(state.filingStatus(), income);
    Money payroll = income.times(policy.payrollTaxRate());
    Money afterTax = income.minus(incomeTax).minus(payroll).dividedBy(12);
    Money disposable =
        income.minus(incomeTax).minus(payroll).dividedBy(12).minus(state.expenses().total());
    Money minimums = Money.zeroUsd();
    for (Debt debt : state.debts()) {
      if (!debt.kind().isHousing()) {
        minimums = minimums.plus(debt.minimumPayment());
      }
    }
    return new Budget(afterTax, disposable, minimums, disposable.minus(minimums));
  }

  /**
   * The monthly amount a strategy plans with: the surplus less its cushion share and any cut,
   * rounded down to the cent, never negative.
   */
  Money savingBudget(BigDecimal cushion, Money cut) {
    if (!surplus.isPositive()) {
      return Money.zeroUsd();
    }
    BigDecimal kept = surplus.amount().multiply(BigDecimal.ONE.subtract(cushion));
    Money budget = Money.usd(kept.setScale(2, RoundingMode.DOWN)).minus(cut);
    return budget.max(Money.zeroUsd());
  }
}
