package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.Withdrawal;
import dev.finpilot.regulation.AgeRules;
import dev.finpilot.regulation.Citation;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.SecuritiesRules;
import dev.finpilot.regulation.TaxYearLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One verification's inputs with the derived numbers several rules share, computed once: the age
 * used for limits, the year's income, an estimated MAGI and the after-tax monthly income.
 *
 * <p>The year's income is wages plus the plan's withdrawals at this year's age from any account but
 * cash (a retiree lives on them; drawing the emergency fund is not income). Withdrawals from
 * pre-tax accounts are taxed as ordinary income; payroll tax applies to wages only.
 */
public final class VerificationContext {
  private final Plan plan;
  private final PlanningRequest request;
  private final RegulatoryTable table;
  private final TaxYearLimits limits;
  private final VerificationPolicy policy;
  private final int ageAtEndOfTaxYear;
  private final Money annualGrossIncome;
  private final Money estimatedMagi;
  private final Money annualIncomeTax;
  private final Money annualPayrollTax;
  private final Money monthlyAfterTaxIncome;
  private final Money monthlyDisposableIncome;

  VerificationContext(
      Plan plan, PlanningRequest request, RegulatoryTable table, VerificationPolicy policy) {
    this.plan = plan;
    this.request = request;
    this.table = table;
    this.limits = table.year(request.taxYear());
    this.policy = policy;
    FinancialState state = request.state();
    // FinancialState.age is the age attained in asOf's calendar year; limits need it at the end
    // of the tax year.
    this.ageAtEndOfTaxYear = state.age() + (request.taxYear() - request.asOf().getYear());
    Money withdrawals = Money.zeroUsd();
    Money taxableWithdrawals = Money.zeroUsd();
    for (Withdrawal w : plan.withdrawals()) {
      if (w.age() == ageAtEndOfTaxYear && w.account() != AccountType.CASH) {
        withdrawals = withdrawals.plus(w.amount());
        if (isPreTax(w.account())) {
          taxableWithdrawals = taxableWithdrawals.plus(w.amount());
        }
      }
    }
    Money wages = state.annualIncome();
    this.annualGrossIncome = wages.plus(withdrawals);
    Money preTax =
        annualContribution(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B)
            .min(limits.employerPlanDeferralLimit(ageAtEndOfTaxYear).value())
            .plus(
                annualContribution(AccountType.HSA)
                    .min(limits.hsaLimit(state.hsaCoverage(), ageAtEndOfTaxYear).value()));
    Money ordinaryIncome = wages.plus(taxableWithdrawals);
    this.estimatedMagi = ordinaryIncome.minus(preTax).max(Money.zeroUsd());
    this.annualIncomeTax = limits.federalIncomeTax(state.filingStatus(), ordinaryIncome);
    this.annualPayrollTax = wages.times(policy.payrollTaxRate());
    this.monthlyAfterTaxIncome =
        annualGrossIncome.minus(annualIncomeTax).minus(annualPayrollTax).dividedBy(12);
    this.monthlyDisposableIncome = monthlyAfterTaxIncome.minus(state.expenses().total());
  }

  // Distributions from these are ordinary income; Roth, HSA and taxable withdrawals are treated
  // as untaxed (qualified, medical, or return of basis).
  private static boolean isPreTax(AccountType account) {
    return account.isEmployerPlan() || account == AccountType.TRADITIONAL_IRA;
  }

  public Plan plan() {
    return plan;
  }

  public PlanningRequest request() {
    return request;
  }

  public FinancialState state() {
    return request.state();
  }

  public int taxYear() {
    return request.taxYear();
  }

  public LocalDate asOf() {
    return request.asOf();
  }

  public TaxYearLimits limits() {
    return limits;
  }

  public AgeRules ageRules() {
    return table.ageRules();
  }

  public SecuritiesRules securities() {
    return table.securitiesRules();
  }

  public VerificationPolicy policy() {
    return policy;
  }

  /** The age attained by December 31 of the tax year, the basis of every catch-up rule. */
  public int ageAtEndOfTaxYear() {
    return ageAtEndOfTaxYear;
  }

  /** Wages plus this year's planned withdrawals (except from cash). */
  public Money annualGrossIncome() {
    return annualGrossIncome;
  }

  public Money monthlyGrossIncome() {
    return annualGrossIncome.dividedBy(12);
  }

  /**
   * Modified AGI estimated as wages plus this year's pre-tax withdrawals, less the plan's pre-tax
   * 401(k)/403(b) deferrals and HSA contributions (each up to its limit). Roth 401(k) deferrals
   * would not reduce it; the domain does not tell them apart.
   */
  public Money estimatedMagi() {
    return estimatedMagi;
  }

  /** Federal income tax on wages and pre-tax withdrawals with the standard deduction. */
  public Money annualIncomeTax() {
    return annualIncomeTax;
  }

  public Money annualPayrollTax() {
    return annualPayrollTax;
  }

  /** The year's income less estimated income and payroll tax, per month. */
  public Money monthlyAfterTaxIncome() {
    return monthlyAfterTaxIncome;
  }

  /** Monthly after-tax income less all monthly expenses. */
  public Money monthlyDisposableIncome() {
    return monthlyDisposableIncome;
  }

  public Money monthlyContribution(AccountType... types) {
    Money total = Money.zeroUsd();
    for (AccountType type : types) {
      total = total.plus(plan.monthlyContribution(type));
    }
    return total;
  }

  public Money annualContribution(AccountType... types) {
    return monthlyContribution(types).times(12);
  }

  /**
   * The highest equity exposure the plan holds between two ages, inclusive: the glide path's equity
   * share times the plan's leverage, since borrowing multiplies exposure.
   */
  public BigDecimal equityExposure(int fromAge, int toAge) {
    GlidePath path = plan.glidePath();
    BigDecimal share = path.allocationAt(fromAge).equityShare();
    for (GlidePath.Point point : path.points()) {
      if (point.age() > fromAge && point.age() <= toAge) {
        share = share.max(point.allocation().equityShare());
      }
    }
    return share.multiply(plan.leverage());
  }

  Finding finding(
      RuleCode code,
      Severity severity,
      String text,
      Evidence evidence,
      Citation source,
      String remediation,
      List<AccountType> accounts) {
    return Finding.of(
        code, severity, text, evidence, source, request.taxYear(), remediation, accounts);
  }
}
