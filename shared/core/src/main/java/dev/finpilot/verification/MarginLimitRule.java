package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.regulation.SecuritiesRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * Leverage above what Regulation T's initial margin allows (2x at 50%) cannot be bought on margin
 * at all, whatever the investor's tolerance: an ERROR.
 */
public final class MarginLimitRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.MARGIN_LIMIT_EXCEEDED;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    SecuritiesRules.InitialMargin margin = ctx.securities().initialMargin();
    BigDecimal leverage = ctx.plan().leverage();
    BigDecimal max = margin.maxLeverage();
    if (leverage.compareTo(max) <= 0) {
      return RuleResult.pass();
    }
    return RuleResult.of(
        List.of(
            ctx.finding(
                code(),
                Severity.ERROR,
                "Leverage of "
                    + leverage.stripTrailingZeros().toPlainString()
                    + "x exceeds the "
                    + max.stripTrailingZeros().toPlainString()
                    + "x that a "
                    + Text.percent(margin.requirement())
                    + " initial margin requirement allows",
                new Evidence("leverage", leverage, max, Evidence.Unit.RATIO),
                margin.source(),
                "Reduce leverage to at most " + max.stripTrailingZeros().toPlainString() + "x.",
                List.of(AccountType.TAXABLE_BROKERAGE))));
  }
}
