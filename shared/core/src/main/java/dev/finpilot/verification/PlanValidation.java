package dev.finpilot.verification;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.Withdrawal;
import java.math.BigDecimal;
import java.util.List;

/**
 * Input checks beyond the domain's own: the plan's fields, US dollars throughout (US limits apply
 * to USD amounts), and a tax year close enough to {@code asOf} for ages to carry over.
 */
final class PlanValidation {

  static final BigDecimal MAX_LEVERAGE = BigDecimal.TEN;

  private PlanValidation() {}

  static List<FieldError> validate(Plan plan, PlanningRequest request) {
    Validation v = new Validation();
    if (v.notNull(request, "request")) {
      v.addAll(request.validate());
      if (request.asOf() != null) {
        int asOfYear = request.asOf().getYear();
        v.require(
            Math.abs(request.taxYear() - asOfYear) <= 1,
            "taxYear",
            "must be within one year of asOf (" + asOfYear + "), was " + request.taxYear());
      }
      if (request.state() != null && v.errors().isEmpty()) {
        requireUsd(v, request.state());
      }
    }
    if (v.notNull(plan, "plan")) {
      validatePlan(v, plan);
    }
    return v.errors();
  }

  private static void validatePlan(Validation v, Plan plan) {
    List<Contribution> contributions = plan.contributions();
    for (int i = 0; i < contributions.size(); i++) {
      String path = "plan.contributions[" + i + "]";
      v.notNull(contributions.get(i).account(), path + ".account");
      money(v, contributions.get(i).monthlyAmount(), path + ".monthlyAmount");
    }
    List<DebtPayment> payments = plan.debtPayments();
    for (int i = 0; i < payments.size(); i++) {
      money(v, payments.get(i).monthlyAmount(), "plan.debtPayments[" + i + "].monthlyAmount");
    }
    money(v, plan.emergencyFundTarget(), "plan.emergencyFundTarget");
    v.notNull(plan.glidePath(), "plan.glidePath");
    List<Withdrawal> withdrawals = plan.withdrawals();
    for (int i = 0; i < withdrawals.size(); i++) {
      String path = "plan.withdrawals[" + i + "]";
      v.notNull(withdrawals.get(i).account(), path + ".account");
      money(v, withdrawals.get(i).amount(), path + ".amount");
      v.between(
          withdrawals.get(i).age(), FinancialState.MIN_AGE, FinancialState.MAX_AGE, path + ".age");
    }
    v.between(plan.leverage(), BigDecimal.ONE, MAX_LEVERAGE, "plan.leverage");
    v.between(plan.dayTradesPerWeek(), 0, 10_000, "plan.dayTradesPerWeek");
    money(v, plan.privatePlacements(), "plan.privatePlacements");
    double p = plan.successProbability();
    v.require(p >= 0.0 && p <= 1.0, "plan.successProbability", "must be between 0 and 1, was " + p);
  }

  private static void money(Validation v, Money amount, String field) {
    v.nonNegative(amount, field);
    if (amount != null) {
      usd(v, amount, field);
    }
  }

  private static void usd(Validation v, Money amount, String field) {
    v.require(
        amount.currency().equals(Money.USD),
        field,
        "must be in USD for US rules, was " + amount.currency().getCurrencyCode());
  }

  private static void requireUsd(Validation v, FinancialState state) {
    usd(v, state.annualIncome(), "state.annualIncome");
    usd(v, state.expenses().essential(), "state.expenses.essential");
    usd(v, state.expenses().discretionary(), "state.expenses.discretionary");
    usd(v, state.expenses().housing(), "state.expenses.housing");
    List<Account> accounts = state.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      usd(v, accounts.get(i).balance(), "state.accounts[" + i + "].balance");
    }
    List<Debt> debts = state.debts();
    for (int i = 0; i < debts.size(); i++) {
      usd(v, debts.get(i).balance(), "state.debts[" + i + "].balance");
      usd(v, debts.get(i).minimumPayment(), "state.debts[" + i + "].minimumPayment");
    }
  }
}
