package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
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
 * <p>The research's order is a $1,000 starter fund, then high-interest debt, then the full fund. So
 * cash below the guideline is an INFO note when the plan sends money to cash (the fund is being
 * built); a WARNING when it does not but the starter fund is in place and the plan pays a
 * high-interest debt above its minimum (the fund waits for the debt); and otherwise an ERROR: the
 * plan spends or invests money the household needs as its safety net. A target below the guideline
 * is a WARNING.
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
            + target.formatted()
            + " is below "
            + months
            + " months of essential expenses ("
            + required.formatted()
            + ")",
        new Evidence(
            "plan emergency-fund target", target.amount(), required.amount(), Evidence.Unit.USD),
        Guidelines.EMERGENCY_FUND,
        "Raise the emergency-fund target to at least " + required.formatted() + ".",
        List.of(AccountType.CASH));
  }

  /** Whether the plan pays more than the minimum on any debt above the high-interest APR. */
  static boolean paysDownHighInterestDebt(VerificationContext ctx) {
    for (Debt debt : ctx.state().debts()) {
      if (!debt.isHighInterest()) {
        continue;
      }
      Money planned =
          ctx.plan().debtPayments().stream()
              .filter(p -> p.debtName().equals(debt.name()))
              .map(DebtPayment::monthlyAmount)
              .reduce(Money.zeroUsd(), Money::plus);
      if (planned.isGreaterThan(debt.minimumPayment())) {
        return true;
      }
    }
    return false;
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
            + cash.formatted()
            + " covers "
            + Text.months(covered)
            + " months of essential expenses, below the "
            + policy.emergencyFundMonths().toPlainString()
            + "-month guideline of "
            + required.formatted();
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
              + monthlyToCash.formatted()
              + " a month to cash closes the gap in "
              + months
              + " months";
      remediation = "Keep funding cash until it reaches " + required.formatted() + ".";
    } else if (!cash.isLessThan(policy.starterEmergencyFund()) && paysDownHighInterestDebt(ctx)) {
      severity = Severity.WARNING;
      text +=
          "; the plan pays down high-interest debt first, with the "
              + policy.starterEmergencyFund().formatted()
              + " starter fund in place";
      remediation =
          "Once the high-interest debt is paid, direct that payment to cash until "
              + gap.formatted()
              + " more is saved.";
    } else {
      severity = Severity.ERROR;
      text += ", and the plan sends nothing to cash";
      remediation =
          "Direct monthly saving to cash (after the employer match) until "
              + gap.formatted()
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
