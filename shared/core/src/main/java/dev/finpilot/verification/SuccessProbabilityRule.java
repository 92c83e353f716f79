package dev.finpilot.verification;

import java.math.BigDecimal;
import java.util.List;

/**
 * The plan's Monte Carlo probability of success against the policy: below the minimum (70%) an
 * ERROR, the plan must be reworked; below the comfortable level (85%) a WARNING to monitor. The
 * probability is an estimate, so within one percentage point of a threshold (about two standard
 * errors at 10,000 paths) the confidence drops.
 */
public final class SuccessProbabilityRule implements Rule {

  static final double SAMPLING_MARGIN = 0.01;
  static final double NEAR_CONFIDENCE = 0.9;

  @Override
  public RuleCode code() {
    return RuleCode.LOW_SUCCESS_PROBABILITY;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    VerificationPolicy policy = ctx.policy();
    double p = ctx.plan().successProbability();
    double min = policy.minSuccessProbability();
    double comfortable = policy.comfortableSuccessProbability();
    double confidence =
        Math.abs(p - min) < SAMPLING_MARGIN || Math.abs(p - comfortable) < SAMPLING_MARGIN
            ? NEAR_CONFIDENCE
            : 1.0;
    if (p >= comfortable) {
      return new RuleResult(List.of(), confidence);
    }
    boolean belowMin = p < min;
    double threshold = belowMin ? min : comfortable;
    String text =
        "The plan's probability of success is "
            + Text.percent(BigDecimal.valueOf(p))
            + ", below the "
            + (belowMin ? "minimum" : "comfortable level")
            + " of "
            + Text.percent(BigDecimal.valueOf(threshold));
    Finding finding =
        ctx.finding(
            code(),
            belowMin ? Severity.ERROR : Severity.WARNING,
            text,
            new Evidence(
                "probability of success",
                BigDecimal.valueOf(p),
                BigDecimal.valueOf(threshold),
                Evidence.Unit.RATIO),
            Guidelines.SUCCESS_PROBABILITY,
            belowMin
                ? "Save more, extend the target date or lower the target until success reaches "
                    + Text.percent(BigDecimal.valueOf(min))
                    + "."
                : "Approve with monitoring; re-check after market moves or life changes.",
            List.of());
    return new RuleResult(List.of(finding), confidence);
  }
}
