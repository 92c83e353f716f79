package dev.finpilot.verification;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.SecuritiesRules;
import java.util.List;

/**
 * Private placements under Regulation D are sold to accredited investors: income above $200,000
 * ($300,000 jointly with a spouse), or net worth above $1,000,000 excluding the primary residence.
 * The residence is not among the household's accounts and mortgage debt is excluded with it, so net
 * worth here is all account balances less non-housing debts. Rule 501 asks for the income in each
 * of the last two years; only the current year is known. A plan that buys private placements for a
 * non-accredited household is an ERROR.
 */
public final class AccreditedInvestorRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.ACCREDITED_INVESTOR_REQUIRED;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    Money placements = ctx.plan().privatePlacements();
    if (!placements.isPositive()) {
      return RuleResult.pass();
    }
    SecuritiesRules.AccreditedInvestor rule = ctx.securities().accreditedInvestor();
    FinancialState state = ctx.state();
    boolean joint = state.filingStatus() == FilingStatus.MARRIED_FILING_JOINTLY;
    Money incomeThreshold = joint ? rule.incomeJoint() : rule.incomeIndividual();
    Money netWorth = netWorthExcludingResidence(state);
    if (state.annualIncome().isGreaterThan(incomeThreshold)
        || netWorth.isGreaterThan(rule.netWorthExcludingPrimaryResidence())) {
      return RuleResult.pass();
    }
    String text =
        "Private placements of "
            + placements.formatted()
            + " require an accredited investor, but income of "
            + state.annualIncome().formatted()
            + " does not exceed "
            + incomeThreshold.formatted()
            + (joint ? " (joint)" : "")
            + " and net worth excluding the primary residence of "
            + netWorth.formatted()
            + " does not exceed "
            + rule.netWorthExcludingPrimaryResidence().formatted();
    return RuleResult.of(
        List.of(
            ctx.finding(
                code(),
                Severity.ERROR,
                text,
                new Evidence(
                    "net worth excluding primary residence",
                    netWorth.amount(),
                    rule.netWorthExcludingPrimaryResidence().amount(),
                    Evidence.Unit.USD),
                rule.source(),
                "Remove the private placements; use publicly offered funds instead.",
                List.of())));
  }

  static Money netWorthExcludingResidence(FinancialState state) {
    Money otherDebts =
        state.debts().stream()
            .filter(d -> !d.kind().isHousing())
            .map(Debt::balance)
            .reduce(Money.zeroUsd(), Money::plus);
    return state.totalAssets().minus(otherDebts);
  }
}
