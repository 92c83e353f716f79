package dev.finpilot.verification;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.Withdrawal;
import dev.finpilot.domain.Withdrawal.PenaltyException;
import dev.finpilot.regulation.EarlyWithdrawalRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Withdrawals from 401(k)/403(b) plans and IRAs before 59 1/2 owe a 10% additional tax unless an
 * exception applies to that account type and amount. The penalty is a cost, not a prohibition, so
 * each unsheltered withdrawal is a WARNING with the estimated penalty.
 *
 * <p>Capped exceptions are tracked across the plan's withdrawals: the first-home exception per
 * lifetime, the emergency-expense exception per year of age, birth or adoption per withdrawal (one
 * event each).
 */
public final class EarlyWithdrawalRule implements Rule {

  /** Whole-year ages cannot tell whether a withdrawal at 59 falls before the half-birthday. */
  static final double AGE_59_CONFIDENCE = 0.8;

  @Override
  public RuleCode code() {
    return RuleCode.EARLY_WITHDRAWAL_PENALTY;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    EarlyWithdrawalRules rules = ctx.ageRules().earlyWithdrawal();
    Map<String, Money> capUsed = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    double confidence = 1.0;
    List<Withdrawal> withdrawals = ctx.plan().withdrawals();
    for (int i = 0; i < withdrawals.size(); i++) {
      Withdrawal w = withdrawals.get(i);
      if (!w.account().isRetirement() || !rules.isEarly(w.age()) || w.amount().isZero()) {
        continue;
      }
      Assessment assessment = assess(rules, w, capKey(w, i), capUsed);
      if (assessment.penalized().isPositive()) {
        findings.add(finding(ctx, rules, w, assessment));
        if (BigDecimal.valueOf(w.age() + 1L).compareTo(rules.penaltyFreeAge()) > 0) {
          confidence = AGE_59_CONFIDENCE;
        }
      }
    }
    return new RuleResult(findings, confidence);
  }

  private record Assessment(Money penalized, String reason) {}

  private static String capKey(Withdrawal w, int index) {
    return switch (w.exception()) {
      case EMERGENCY_PERSONAL_EXPENSE -> w.exception() + "@age" + w.age();
      case BIRTH_OR_ADOPTION -> w.exception() + "#" + index;
      default -> w.exception().name();
    };
  }

  private static Assessment assess(
      EarlyWithdrawalRules rules, Withdrawal w, String capKey, Map<String, Money> capUsed) {
    PenaltyException exception = w.exception();
    if (exception == PenaltyException.NONE) {
      return new Assessment(w.amount(), "no exception is claimed");
    }
    if (!rules.exceptionAppliesTo(exception, w.account())) {
      return new Assessment(
          w.amount(),
          "the "
              + describe(exception)
              + " exception does not apply to "
              + w.account().label()
              + " withdrawals");
    }
    if (exception == PenaltyException.RULE_OF_55 && w.age() < rules.ruleOf55Age()) {
      return new Assessment(
          w.amount(),
          "the rule of 55 needs separation from service in or after the year one turns "
              + rules.ruleOf55Age());
    }
    Optional<Money> cap = rules.exceptionCap(exception);
    if (cap.isEmpty()) {
      return new Assessment(Money.zeroUsd(), "");
    }
    Money used = capUsed.getOrDefault(capKey, Money.zeroUsd());
    Money sheltered = w.amount().min(cap.get().minus(used).max(Money.zeroUsd()));
    capUsed.put(capKey, used.plus(sheltered));
    return new Assessment(
        w.amount().minus(sheltered),
        "the " + describe(exception) + " exception shelters at most " + cap.get().formatted());
  }

  private static Finding finding(
      VerificationContext ctx, EarlyWithdrawalRules rules, Withdrawal w, Assessment a) {
    Money penalty = a.penalized().times(rules.penaltyRate());
    String text =
        "Withdrawing "
            + w.amount().formatted()
            + " from a "
            + w.account().label()
            + " at age "
            + w.age()
            + ", before age "
            + rules.penaltyFreeAge().toPlainString()
            + ", may owe the "
            + Text.percent(rules.penaltyRate())
            + " additional tax (about "
            + penalty.formatted()
            + " on "
            + a.penalized().formatted()
            + ") plus income tax: "
            + a.reason();
    String remediation =
        "Fund this need from cash or taxable savings, wait until age "
            + rules.penaltyFreeAge().toPlainString()
            + ", or use an exception that applies to this account (hardship is not one).";
    return ctx.finding(
        RuleCode.EARLY_WITHDRAWAL_PENALTY,
        Severity.WARNING,
        text,
        new Evidence(
            "age at withdrawal",
            BigDecimal.valueOf(w.age()),
            rules.penaltyFreeAge(),
            Evidence.Unit.YEARS),
        rules.source(),
        remediation,
        List.of(w.account()));
  }

  private static String describe(PenaltyException exception) {
    return exception.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
