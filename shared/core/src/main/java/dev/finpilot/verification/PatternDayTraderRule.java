package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.SecuritiesRules;
import java.util.List;

/**
 * FINRA 4210: a plan that makes 4 or more day trades per 5 business days (a week) makes the user a
 * pattern day trader, who must keep $25,000 of equity in the margin account. The taxable brokerage
 * balance stands in for that equity (retirement accounts cannot trade on margin). Below it the
 * broker restricts the account, so the plan cannot be carried out: an ERROR.
 */
public final class PatternDayTraderRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.PATTERN_DAY_TRADER;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    SecuritiesRules.PatternDayTrader pdt = ctx.securities().patternDayTrader();
    int trades = ctx.plan().dayTradesPerWeek();
    Money equity = ctx.state().balance(AccountType.TAXABLE_BROKERAGE);
    if (trades < pdt.dayTrades() || !equity.isLessThan(pdt.minimumEquity())) {
      return RuleResult.pass();
    }
    return RuleResult.of(
        List.of(
            ctx.finding(
                code(),
                Severity.ERROR,
                trades
                    + " day trades per "
                    + pdt.businessDays()
                    + " business days make a pattern day trader, who needs at least "
                    + pdt.minimumEquity().formatted()
                    + " of margin equity; the brokerage account holds "
                    + equity.formatted(),
                new Evidence(
                    "margin account equity",
                    equity.amount(),
                    pdt.minimumEquity().amount(),
                    Evidence.Unit.USD),
                pdt.source(),
                "Make at most "
                    + (pdt.dayTrades() - 1)
                    + " day trades per "
                    + pdt.businessDays()
                    + " business days, or keep at least "
                    + pdt.minimumEquity().formatted()
                    + " in the account.",
                List.of(AccountType.TAXABLE_BROKERAGE))));
  }
}
