package dev.finpilot.verification;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.TaxBrackets;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's monthly saving plus debt payments against disposable income: gross income less
 * estimated federal income tax (the year's brackets and standard deduction) and payroll tax, less
 * all monthly expenses. A plan that cannot be funded from income is an ERROR.
 *
 * <p>Housing is already an expense, so a mortgage counts here only for payments above its minimum;
 * a non-housing debt counts at the larger of the planned payment and its minimum, since minimums
 * are owed whatever the plan says. Pre-tax deferrals are not deducted from taxable income, so tax
 * is slightly overstated; state and local taxes are not modelled.
 */
public final class CashFlowRule implements Rule {

  /** Confidence when the surplus or shortfall is within this share of after-tax income. */
  static final BigDecimal NEAR_MARGIN = new BigDecimal("0.05");

  static final double NEAR_CONFIDENCE = 0.85;
  static final double APPROXIMATE_SCHEDULE_CONFIDENCE = 0.9;

  @Override
  public RuleCode code() {
    return RuleCode.CASH_FLOW_NEGATIVE;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    Plan plan = ctx.plan();
    Money saving = plan.totalMonthlySaving();
    Money debtOutflow = debtOutflow(plan, ctx.state().debts());
    Money committed = saving.plus(debtOutflow);
    Money disposable = ctx.monthlyDisposableIncome();
    FilingStatus status = ctx.state().filingStatus();
    Cited<TaxBrackets> brackets = ctx.limits().brackets(status);
    double confidence =
        brackets.value().scheduleOf() == status ? 1.0 : APPROXIMATE_SCHEDULE_CONFIDENCE;
    Money margin = ctx.monthlyAfterTaxIncome().times(NEAR_MARGIN).max(Money.zeroUsd());
    if (committed.minus(disposable).amount().abs().compareTo(margin.amount()) <= 0) {
      confidence *= NEAR_CONFIDENCE;
    }
    if (!committed.isGreaterThan(disposable)) {
      return new RuleResult(List.of(), confidence);
    }
    String taxBasis =
        "estimated federal income tax of "
            + ctx.annualIncomeTax().formatted()
            + " a year ("
            + ctx.taxYear()
            + " brackets, "
            + status
            + (brackets.value().scheduleOf() == status
                ? ""
                : " using the " + brackets.value().scheduleOf() + " schedule")
            + ") and payroll tax of "
            + ctx.annualPayrollTax().formatted();
    String text =
        disposable.isNegative()
            ? "Expenses exceed income after "
                + taxBasis
                + " by "
                + disposable.negate().formatted()
                + " a month, before the plan's "
                + committed.formatted()
                + " of saving and debt payments"
            : "Planned saving of "
                + saving.formatted()
                + " and debt payments of "
                + debtOutflow.formatted()
                + " a month exceed the "
                + disposable.formatted()
                + " left after "
                + taxBasis
                + " and expenses";
    Finding finding =
        ctx.finding(
            code(),
            Severity.ERROR,
            text,
            new Evidence(
                "monthly saving and debt payments",
                committed.amount(),
                disposable.amount(),
                Evidence.Unit.USD_PER_MONTH),
            brackets.source(),
            "Lower monthly contributions or extra debt payments by at least "
                + (committed.minus(disposable.max(Money.zeroUsd()))).formatted()
                + ", or cut discretionary spending.",
            List.of());
    return new RuleResult(List.of(finding), confidence);
  }

  static Money debtOutflow(Plan plan, List<Debt> debts) {
    Map<String, Money> planned = new HashMap<>();
    for (DebtPayment p : plan.debtPayments()) {
      planned.merge(p.debtName(), p.monthlyAmount(), Money::plus);
    }
    Money outflow = Money.zeroUsd();
    for (Debt debt : debts) {
      Money payment = planned.getOrDefault(debt.name(), Money.zeroUsd());
      planned.remove(debt.name());
      outflow =
          outflow.plus(
              debt.kind().isHousing()
                  ? payment.minus(debt.minimumPayment()).max(Money.zeroUsd())
                  : payment.max(debt.minimumPayment()));
    }
    for (Money unmatched : planned.values()) {
      outflow = outflow.plus(unmatched);
    }
    return outflow;
  }
}
