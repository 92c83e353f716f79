package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A goal due within the short horizon (3 years) should not ride mainly on equities: a bad year just
 * before the date cannot be waited out. Retirement is exempt because its money is spent over
 * decades. A WARNING per goal, with the exposure between now and the goal date.
 */
public final class ShortHorizonEquityRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.SHORT_HORIZON_EQUITY;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    VerificationPolicy policy = ctx.policy();
    BigDecimal max = policy.shortHorizonMaxEquityShare();
    int age = ctx.state().age();
    List<Finding> findings = new ArrayList<>();
    Money monthlyToCash = ctx.plan().monthlyContribution(AccountType.CASH);
    Money spareCash =
        ctx.state()
            .balance(AccountType.CASH)
            .minus(ctx.state().expenses().essential().times(policy.emergencyFundMonths()))
            .max(Money.zeroUsd());
    Money committedCash = Money.zeroUsd();
    List<Goal> byDate =
        ctx.request().goals().stream().sorted(Comparator.comparing(Goal::targetDate)).toList();
    for (Goal goal : byDate) {
      long months = goal.horizonMonths(ctx.asOf());
      if (goal.type() == GoalType.RETIREMENT || months > policy.shortHorizonMonths()) {
        continue;
      }
      Money cashByDate = spareCash.plus(monthlyToCash.times(months)).minus(committedCash);
      if (!cashByDate.isLessThan(goal.targetAmount())) {
        committedCash = committedCash.plus(goal.targetAmount());
        continue;
      }
      BigDecimal exposure = ctx.equityExposure(age, age + (int) (months / 12));
      if (exposure.compareTo(max) > 0) {
        findings.add(finding(ctx, goal, months, exposure, cashByDate));
      }
    }
    return RuleResult.of(findings);
  }

  private Finding finding(
      VerificationContext ctx, Goal goal, long months, BigDecimal exposure, Money cashByDate) {
    VerificationPolicy policy = ctx.policy();
    BigDecimal max = policy.shortHorizonMaxEquityShare();
    String name = goal.description().isBlank() ? goal.type().name() : goal.description();
    return ctx.finding(
        code(),
        Severity.WARNING,
        "Goal '"
            + name
            + "' ("
            + goal.targetAmount().formatted()
            + " due "
            + goal.targetDate()
            + ", in "
            + months
            + " months) is not covered by cash ("
            + (cashByDate.max(Money.zeroUsd())).formatted()
            + " spare by then) and the portfolio holds "
            + Text.percent(exposure)
            + " equities; money needed within "
            + policy.shortHorizonMonths()
            + " months should be at most "
            + Text.percent(max)
            + " equities",
        new Evidence("equity exposure before the goal date", exposure, max, Evidence.Unit.RATIO),
        Guidelines.SHORT_HORIZON,
        "Save for this goal in cash (at least "
            + (Amounts.divideUp(
                    goal.targetAmount().minus(cashByDate).max(Money.zeroUsd()),
                    Math.max(1, months)))
                .formatted()
            + " more a month) or hold at most "
            + Text.percent(max)
            + " equities until it is due.",
        List.of(AccountType.CASH));
  }
}
