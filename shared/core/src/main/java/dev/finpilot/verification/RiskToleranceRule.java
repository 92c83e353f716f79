package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.RiskTolerance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan's equity exposure (glide-path equity share from today on, times leverage) against the
 * cap of the investor's risk tolerance, and borrowing to invest by anyone who is not aggressive.
 *
 * <p>Exposure up to {@code equityCapTolerance} over the cap is a WARNING, more is an ERROR.
 * Leverage above 1 is an ERROR for a moderate investor and CRITICAL for a conservative one: losses
 * can exceed what was invested, the opposite of what a conservative investor asked for.
 */
public final class RiskToleranceRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.RISK_TOLERANCE_MISMATCH;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    RiskTolerance tolerance = ctx.state().riskTolerance();
    BigDecimal cap = tolerance.maxEquityShare();
    BigDecimal exposure = ctx.equityExposure(ctx.state().age(), Integer.MAX_VALUE);
    BigDecimal leverage = ctx.plan().leverage();
    List<Finding> findings = new ArrayList<>();
    if (exposure.compareTo(cap) > 0) {
      boolean far = exposure.subtract(cap).compareTo(ctx.policy().equityCapTolerance()) > 0;
      findings.add(
          ctx.finding(
              code(),
              far ? Severity.ERROR : Severity.WARNING,
              "Equity exposure of "
                  + Text.percent(exposure)
                  + (leverage.compareTo(BigDecimal.ONE) > 0
                      ? " (with " + leverage.stripTrailingZeros().toPlainString() + "x leverage)"
                      : "")
                  + " exceeds the "
                  + Text.percent(cap)
                  + " cap for a "
                  + tolerance.name().toLowerCase(Locale.ROOT)
                  + " investor",
              new Evidence("equity exposure", exposure, cap, Evidence.Unit.RATIO),
              Guidelines.RISK_TOLERANCE,
              "Lower the glide path's equity share to at most " + Text.percent(cap) + ".",
              List.of()));
    }
    if (leverage.compareTo(BigDecimal.ONE) > 0 && tolerance != RiskTolerance.AGGRESSIVE) {
      findings.add(
          ctx.finding(
              code(),
              tolerance == RiskTolerance.CONSERVATIVE ? Severity.CRITICAL : Severity.ERROR,
              "Leverage of "
                  + leverage.stripTrailingZeros().toPlainString()
                  + "x is not suitable for a "
                  + tolerance.name().toLowerCase(Locale.ROOT)
                  + " investor, whose plans must not borrow to invest (limit 1x)",
              new Evidence("leverage", leverage, BigDecimal.ONE, Evidence.Unit.RATIO),
              Guidelines.RISK_TOLERANCE,
              "Remove the borrowing: invest only the household's own money (leverage 1).",
              List.of(AccountType.TAXABLE_BROKERAGE)));
    }
    return RuleResult.of(findings);
  }
}
