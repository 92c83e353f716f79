package dev.finpilot.verification;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Back-end ratio (housing cost plus minimum payments on other debts, over gross monthly income,
 * which for a retiree includes the plan's withdrawals) against 36%, and front-end ratio (housing
 * cost alone) against 28%. Housing cost is the larger of the housing expense and the minimum
 * payments on housing debts, so a mortgage is never counted twice.
 *
 * <p>Both are WARNINGs: the household's debts are a fact the plan starts from. Above the 43%
 * ceiling the back-end finding becomes an ERROR unless the plan pays debts down faster than their
 * minimums, because a plan that leaves such a load untouched is not sound.
 */
public final class DebtToIncomeRule implements Rule {

  @Override
  public RuleCode code() {
    return RuleCode.DEBT_TO_INCOME_HIGH;
  }

  @Override
  public RuleResult evaluate(VerificationContext ctx) {
    FinancialState state = ctx.state();
    VerificationPolicy policy = ctx.policy();
    Money housingDebtPayments = Money.zeroUsd();
    Money otherDebtPayments = Money.zeroUsd();
    for (Debt debt : state.debts()) {
      if (debt.kind().isHousing()) {
        housingDebtPayments = housingDebtPayments.plus(debt.minimumPayment());
      } else {
        otherDebtPayments = otherDebtPayments.plus(debt.minimumPayment());
      }
    }
    Money housing = state.expenses().housing().max(housingDebtPayments);
    Money gross = ctx.monthlyGrossIncome();
    List<Finding> findings = new ArrayList<>();
    Money allPayments = housing.plus(otherDebtPayments);
    BigDecimal backEnd = Amounts.ratio(allPayments, gross, BigDecimal.ONE);
    if (allPayments.isPositive() && backEnd.compareTo(policy.backEndDebtToIncomeMax()) > 0) {
      boolean paysDown =
          ctx.plan().totalMonthlyDebtPayments().isGreaterThan(state.minimumDebtPayments());
      boolean aboveCeiling = backEnd.compareTo(policy.backEndDebtToIncomeCeiling()) > 0;
      Severity severity = aboveCeiling && !paysDown ? Severity.ERROR : Severity.WARNING;
      String text =
          "Housing and debt payments of "
              + allPayments.formatted()
              + " a month are "
              + Text.percent(backEnd)
              + " of gross monthly income ("
              + gross.formatted()
              + "), above the "
              + Text.percent(policy.backEndDebtToIncomeMax())
              + " back-end guideline"
              + (aboveCeiling
                  ? " and the "
                      + Text.percent(policy.backEndDebtToIncomeCeiling())
                      + " lending ceiling"
                  : "")
              + (aboveCeiling && !paysDown ? ", and the plan pays only the minimums" : "");
      findings.add(
          ctx.finding(
              code(),
              severity,
              text,
              new Evidence(
                  "back-end debt-to-income ratio",
                  backEnd,
                  policy.backEndDebtToIncomeMax(),
                  Evidence.Unit.RATIO),
              Guidelines.DEBT_TO_INCOME,
              "Pay debts down above their minimums (highest APR first) before adding new"
                  + " investments or borrowing.",
              List.of()));
    }
    BigDecimal frontEnd = Amounts.ratio(housing, gross, BigDecimal.ONE);
    if (housing.isPositive() && frontEnd.compareTo(policy.frontEndDebtToIncomeMax()) > 0) {
      findings.add(
          ctx.finding(
              code(),
              Severity.WARNING,
              "Housing cost of "
                  + housing.formatted()
                  + " a month is "
                  + Text.percent(frontEnd)
                  + " of gross monthly income, above the "
                  + Text.percent(policy.frontEndDebtToIncomeMax())
                  + " front-end guideline",
              new Evidence(
                  "front-end (housing) ratio",
                  frontEnd,
                  policy.frontEndDebtToIncomeMax(),
                  Evidence.Unit.RATIO),
              Guidelines.DEBT_TO_INCOME,
              "Keep housing at or below "
                  + (gross.times(policy.frontEndDebtToIncomeMax())).formatted()
                  + " a month; avoid taking on a larger mortgage or rent.",
              List.of()));
    }
    return RuleResult.of(findings);
  }
}
