package dev.finpilot.verification;

import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import java.math.BigDecimal;
import java.util.ArrayList;
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
    for (Goal goal : ctx.request().goals()) {
      long months = goal.horizonMonths(ctx.asOf());
      if (goal.type() == GoalType.RETIREMENT || months > policy.shortHorizonMonths()) {
        continue;
      }
      BigDecimal exposure = ctx.equityExposure(age, age + (int) (months / 12));
      if (exposure.compareTo(max) <= 0) {
        continue;
      }
      String name = goal.description().isBlank() ? goal.type().name() : goal.description();
      findings.add(
          ctx.finding(
              code(),
              Severity.WARNING,
              "Goal '"
                  + name
                  + "' ("
                  + Text.usd(goal.targetAmount())
                  + " due "
                  + goal.targetDate()
                  + ", in "
                  + months
                  + " months) would be held "
                  + Text.percent(exposure)
                  + " in equities; money needed within "
                  + policy.shortHorizonMonths()
                  + " months should be at most "
                  + Text.percent(max)
                  + " equities",
              new Evidence(
                  "equity exposure before the goal date", exposure, max, Evidence.Unit.RATIO),
              Guidelines.SHORT_HORIZON,
              "Hold this goal's savings in cash or short-term bonds (at most "
                  + Text.percent(max)
                  + " equities).",
              List.of()));
    }
    return RuleResult.of(findings);
  }
}
