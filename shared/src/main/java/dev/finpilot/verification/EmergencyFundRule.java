package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The household's cash against the emergency-fund guideline (3 months of essential expenses), and
 * the plan's own emergency-fund target against the same bar.
 *
 * <p>Cash below the guideline is an INFO note when the plan sends money to cash (the fund is being
 * built), a WARNING when it does not, and an ERROR when cash covers less than one month and the
 * plan still sends nothing to it: such a household cannot absorb one missed paycheck, and a plan
 * that invests instead is unsound. A target below the guideline is a WARNING.
 */
public final class EmergencyFundRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.EMERGENCY_FUND_LOW;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    Money essential = ctx.state().expenses().essential();
    if (essential.isZero()) {
      return RuleResult.pass();
    }
    VerificationPolicy policy = ctx.policy();
    Money required = essential.times(policy.emergencyFundMonths());
    List<Finding> findings = new ArrayList<>();
    Money target = ctx.plan().emergencyFundTarget();
    if (target.isLessThan(required)) {
      findings.add(targetFinding(ctx, target, required));
    }
    Money cash = ctx.state().balance(AccountType.CASH);
    if (cash.isLessThan(required)) {
      findings.add(cashFinding(ctx, cash, essential, required));
    }
    return RuleResult.of(findings);
  }

  private static Finding targetFinding(VerificationContext ctx, Money target, Money required) {
    String months = ctx.policy().emergencyFundMonths().toPlainString();
    return ctx.finding(
        RuleCode.EMERGENCY_FUND_LOW,
        Severity.WARNING,
        "The plan's emergency-fund target of "
            + Text.usd(target)
            + " is below "
            + months
            + " months of essential expenses ("
            + Text.usd(required)
            + ")",
        new Evidence(
            "plan emergency-fund target", target.amount(), required.amount(), Evidence.Unit.USD),
        Guidelines.EMERGENCY_FUND,
        "Raise the emergency-fund target to at least " + Text.usd(required) + ".",
        List.of(AccountType.CASH));
  }

  private static Finding cashFinding(
      VerificationContext ctx, Money cash, Money essential, Money required) {
    VerificationPolicy policy = ctx.policy();
    BigDecimal covered = cash.amount().divide(essential.amount(), 2, RoundingMode.DOWN);
    Money monthlyToCash = ctx.plan().monthlyContribution(AccountType.CASH);
    Money gap = required.minus(cash);
    Severity severity;
    String text =
        "Cash of "
            + Text.usd(cash)
            + " covers "
            + Text.months(covered)
            + " months of essential expenses, below the "
            + policy.emergencyFundMonths().toPlainString()
            + "-month guideline of "
            + Text.usd(required);
    String remediation;
    if (monthlyToCash.isPositive()) {
      severity = Severity.INFO;
      long months =
          gap.amount()
              .divide(monthlyToCash.amount(), MathContext.DECIMAL64)
              .setScale(0, RoundingMode.CEILING)
              .longValueExact();
      text +=
          "; the plan's "
              + Text.usd(monthlyToCash)
              + " a month to cash closes the gap in "
              + months
              + " months";
      remediation = "Keep funding cash until it reaches " + Text.usd(required) + ".";
    } else {
      severity =
          covered.compareTo(policy.emergencyFundCriticalMonths()) < 0
              ? Severity.ERROR
              : Severity.WARNING;
      text += ", and the plan sends nothing to cash";
      remediation =
          "Direct monthly saving to cash before investing beyond the employer match until "
              + Text.usd(gap)
              + " more is saved.";
    }
    return ctx.finding(
        RuleCode.EMERGENCY_FUND_LOW,
        severity,
        text,
        new Evidence(
            "months of essential expenses held in cash",
            covered,
            policy.emergencyFundMonths(),
            Evidence.Unit.MONTHS),
        Guidelines.EMERGENCY_FUND,
        remediation,
        List.of(AccountType.CASH));
  }
}
