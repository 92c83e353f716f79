package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.Ages;
import dev.finpilot.regulation.EmployerPlanLimits;
import java.util.List;
import java.util.Optional;

/**
 * From 2026, catch-up deferrals of people whose prior-year FICA wages exceeded the threshold must
 * be made as Roth contributions (SECURE 2.0 section 603). Legal either way, so an INFO note that
 * tells the user which part of the deferral to designate Roth. Gross income stands in for
 * prior-year FICA wages.
 */
public final class RothCatchUpRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.ROTH_CATCH_UP_REQUIRED;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    EmployerPlanLimits plan = ctx.limits().employerPlan();
    Optional<Money> threshold = plan.rothCatchUpWageThreshold();
    Money income = ctx.state().annualIncome();
    Money monthly = ctx.monthlyContribution(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B);
    Money annual = monthly.times(12);
    if (threshold.isEmpty()
        || ctx.ageAtEndOfTaxYear() < Ages.CATCH_UP
        || !income.isGreaterThan(threshold.get())
        || !Amounts.exceedsAnnualLimit(monthly, plan.electiveDeferral())) {
      return RuleResult.pass();
    }
    Money catchUp =
        annual.minus(plan.electiveDeferral()).min(plan.catchUp(ctx.ageAtEndOfTaxYear()));
    String text =
        "Wages of "
            + income.formatted()
            + " exceed the "
            + ctx.taxYear()
            + " threshold of "
            + threshold.get().formatted()
            + ", so the "
            + catchUp.formatted()
            + " of deferrals above the "
            + plan.electiveDeferral().formatted()
            + " base limit must be designated Roth";
    return RuleResult.of(
        List.of(
            ctx.finding(
                code(),
                Severity.INFO,
                text,
                new Evidence(
                    "prior-year FICA wages (estimated by gross income)",
                    income.amount(),
                    threshold.get().amount(),
                    Evidence.Unit.USD_PER_YEAR),
                plan.source(),
                "Designate the catch-up part of 401(k)/403(b) deferrals as Roth.",
                List.of(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B).stream()
                    .filter(t -> ctx.plan().monthlyContribution(t).isPositive())
                    .toList())));
  }
}
