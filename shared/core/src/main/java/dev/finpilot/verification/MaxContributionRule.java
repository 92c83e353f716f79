package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.TaxYearLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Annual contributions per limit group against the age-adjusted limit of the tax year: 401(k) and
 * 403(b) deferrals share one 402(g) limit, traditional and Roth IRAs share one IRA limit, and HSAs
 * need HDHP coverage. Deferrals and IRA contributions also cannot exceed taxable compensation.
 * Excess contributions are taxed every year they stay in the account, so this is an ERROR.
 */
public final class MaxContributionRule implements Rule {

  /** The confidence when the verdict would flip if the person were one year older by Dec 31. */
  static final double AGE_EDGE_CONFIDENCE = 0.9;

  private record Group(
      String label,
      List<AccountType> types,
      IntFunction<Cited<Money>> limitByAge,
      boolean capped) {}

  @Override
  public RuleCode code() {
    return RuleCode.MAX_CONTRIBUTION_EXCEEDED;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    TaxYearLimits limits = ctx.limits();
    FinancialState state = ctx.state();
    HsaCoverage coverage = state.hsaCoverage();
    List<Group> groups =
        List.of(
            new Group(
                "401(k)/403(b) elective deferrals",
                List.of(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B),
                limits::employerPlanDeferralLimit,
                true),
            new Group(
                "IRA contributions (traditional + Roth)",
                List.of(AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA),
                limits::iraLimit,
                true),
            new Group(
                "HSA contributions",
                List.of(AccountType.HSA),
                age -> limits.hsaLimit(coverage, age),
                false));
    List<Finding> findings = new ArrayList<>();
    double confidence = 1.0;
    int age = ctx.ageAtEndOfTaxYear();
    for (Group group : groups) {
      Money monthly = ctx.monthlyContribution(group.types().toArray(AccountType[]::new));
      if (monthly.isZero()) {
        continue;
      }
      Money limit = limitFor(group, age, state.annualIncome());
      boolean exceeds = Amounts.exceedsAnnualLimit(monthly, limit);
      if (exceeds
          != Amounts.exceedsAnnualLimit(monthly, limitFor(group, age + 1, state.annualIncome()))) {
        confidence = Math.min(confidence, AGE_EDGE_CONFIDENCE);
      }
      if (exceeds) {
        findings.add(finding(ctx, group, monthly, limit, age));
      }
    }
    return new RuleResult(findings, confidence);
  }

  private static Money limitFor(Group group, int age, Money compensation) {
    Money statutory = group.limitByAge().apply(age).value();
    return group.capped() ? statutory.min(compensation) : statutory;
  }

  private static Finding finding(
      VerificationContext ctx, Group group, Money monthly, Money limit, int age) {
    Cited<Money> statutory = group.limitByAge().apply(age);
    Money annual = monthly.times(12);
    String text;
    if (group.types().contains(AccountType.HSA) && ctx.state().hsaCoverage() == HsaCoverage.NONE) {
      text =
          "HSA contributions of "
              + annual.formatted()
              + " a year are not allowed without HDHP coverage; the "
              + ctx.taxYear()
              + " limit without it is "
              + limit.formatted();
    } else {
      text =
          "Annual "
              + group.label()
              + " of "
              + annual.formatted()
              + " exceed the "
              + ctx.taxYear()
              + " limit of "
              + limit.formatted()
              + " for age "
              + age
              + " by December 31"
              + (limit.isLessThan(statutory.value())
                  ? " (capped at taxable compensation; statutory limit "
                      + statutory.value().formatted()
                      + ")"
                  : "");
    }
    List<AccountType> involved =
        group.types().stream().filter(t -> ctx.plan().monthlyContribution(t).isPositive()).toList();
    String remediation =
        "Contribute at most "
            + Amounts.monthlyCeiling(limit).formatted()
            + " a month ("
            + limit.formatted()
            + " a year) across "
            + group.label()
            + "; direct the excess to a taxable brokerage account.";
    return ctx.finding(
        RuleCode.MAX_CONTRIBUTION_EXCEEDED,
        Severity.ERROR,
        text,
        new Evidence(group.label(), annual.amount(), limit.amount(), Evidence.Unit.USD_PER_YEAR),
        statutory.source(),
        remediation,
        involved);
  }
}
