package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
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
 * used for limits, an estimated MAGI and the after-tax monthly income.
 */
public final class VerificationContext {
  private final Plan plan;
  private final PlanningRequest request;
  private final RegulatoryTable table;
  private final TaxYearLimits limits;
  private final VerificationPolicy policy;
  private final int ageAtEndOfTaxYear;
  private final Money estimatedMagi;
  private final Money annualIncomeTax;
  private final Money annualPayrollTax;
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
    Money income = state.annualIncome();
    Money preTax =
        annualContribution(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B)
            .min(limits.employerPlanDeferralLimit(ageAtEndOfTaxYear).value())
            .plus(
                annualContribution(AccountType.HSA)
                    .min(limits.hsaLimit(state.hsaCoverage(), ageAtEndOfTaxYear).value()));
    this.estimatedMagi = income.minus(preTax).max(Money.zeroUsd());
    this.annualIncomeTax = limits.federalIncomeTax(state.filingStatus(), income);
    this.annualPayrollTax = income.times(policy.payrollTaxRate());
    this.monthlyDisposableIncome =
        income
            .minus(annualIncomeTax)
            .minus(annualPayrollTax)
            .dividedBy(12)
            .minus(state.expenses().total());
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

  /**
   * Modified AGI estimated as gross income less the plan's pre-tax 401(k)/403(b) deferrals and HSA
   * contributions (each up to its limit). Roth 401(k) deferrals would not reduce it; the domain
   * does not tell them apart.
   */
  public Money estimatedMagi() {
    return estimatedMagi;
  }

  /** Federal income tax on gross income with the standard deduction (see TaxYearLimits). */
  public Money annualIncomeTax() {
    return annualIncomeTax;
  }

  public Money annualPayrollTax() {
    return annualPayrollTax;
  }

  /** Gross monthly income less estimated income and payroll tax, less all monthly expenses. */
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
