package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.PhaseOut;
import java.math.BigDecimal;
import java.util.List;

/**
 * Roth IRA contributions against the income-reduced limit: the age-adjusted IRA limit (capped at
 * compensation) reduced over the filing status's MAGI phase-out per the IRS worksheet. MAGI is an
 * estimate, so when a 5% error in it would change the verdict the confidence drops.
 */
public final class RothIncomeLimitRule implements Rule {

  static final BigDecimal MAGI_ERROR = new BigDecimal("0.05");
  static final double NEAR_EDGE_CONFIDENCE = 0.85;

  @Override
  public RuleCode code() {
    return RuleCode.ROTH_INCOME_LIMIT;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    Money monthly = ctx.monthlyContribution(AccountType.ROTH_IRA);
    if (monthly.isZero()) {
      return RuleResult.pass();
    }
    FilingStatus status = ctx.state().filingStatus();
    Cited<PhaseOut> phaseOut = ctx.limits().rothPhaseOut(status);
    Money fullLimit =
        ctx.limits().iraLimit(ctx.ageAtEndOfTaxYear()).value().min(ctx.state().annualIncome());
    Money magi = ctx.estimatedMagi();
    Money allowed = phaseOut.value().reducedLimit(fullLimit, magi);
    boolean exceeds = Amounts.exceedsAnnualLimit(monthly, allowed);
    double confidence = 1.0;
    for (BigDecimal factor :
        List.of(BigDecimal.ONE.subtract(MAGI_ERROR), BigDecimal.ONE.add(MAGI_ERROR))) {
      Money other = phaseOut.value().reducedLimit(fullLimit, magi.times(factor));
      if (Amounts.exceedsAnnualLimit(monthly, other) != exceeds) {
        confidence = NEAR_EDGE_CONFIDENCE;
      }
    }
    if (!exceeds) {
      return new RuleResult(List.of(), confidence);
    }
    Money annual = monthly.times(12);
    String range = phaseOut.value().start().formatted() + "-" + phaseOut.value().end().formatted();
    String text =
        allowed.isZero()
            ? "Roth IRA contributions of "
                + annual.formatted()
                + " a year are not allowed at an estimated MAGI of "
                + magi.formatted()
                + ", at or above the end of the "
                + ctx.taxYear()
                + " phase-out for "
                + status
                + " ("
                + range
                + ")"
            : "Roth IRA contributions of "
                + annual.formatted()
                + " a year exceed the "
                + allowed.formatted()
                + " allowed at an estimated MAGI of "
                + magi.formatted()
                + " within the "
                + ctx.taxYear()
                + " phase-out for "
                + status
                + " ("
                + range
                + ")";
    String remediation =
        "Contribute at most "
            + Amounts.monthlyCeiling(allowed).formatted()
            + " a month to the Roth IRA; put the rest in a traditional IRA (within the shared IRA"
            + " limit) or a taxable account.";
    Finding finding =
        ctx.finding(
            code(),
            Severity.ERROR,
            text,
            new Evidence(
                "Roth IRA contributions",
                annual.amount(),
                allowed.amount(),
                Evidence.Unit.USD_PER_YEAR),
            phaseOut.source(),
            remediation,
            List.of(AccountType.ROTH_IRA));
    return new RuleResult(List.of(finding), confidence);
  }
}
