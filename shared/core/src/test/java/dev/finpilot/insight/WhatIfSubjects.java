package dev.finpilot.insight;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Plan versions made by the real planner, for the what-if and stress tests. */
final class WhatIfSubjects {

  static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
  private static final Planner PLANNER = new Planner();

  private WhatIfSubjects() {}

  /**
   * A single saver of {@code age} earning {@code income} with {@code invested} in a 401(k) and a
   * $2,000/month-of-expenses household, retiring at {@code retireAt} with {@code target} in today's
   * dollars; planned on {@code paths} bootstrap paths.
   */
  static PlanSubject retirement(
      int age,
      long income,
      long invested,
      int retireAt,
      long target,
      RiskTolerance risk,
      int paths) {
    Goal goal =
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(target),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(retireAt - age),
            1,
            "retire at " + retireAt);
    return subject(state(age, income, invested, retireAt, risk, List.of()), List.of(goal), paths);
  }

  /** The 35-year-old of the planner's tests: $95,000, $60,000 in a 401(k), $1.5M at 65. */
  static PlanSubject thirtyFive() {
    return retirement(35, 95_000, 60_000, 65, 1_500_000, RiskTolerance.MODERATE, 2_000);
  }

  /** The 40-year household of the benchmarks: 25 years old, retiring at 65. */
  static PlanSubject fortyYears(int paths) {
    return retirement(25, 85_000, 20_000, 65, 1_800_000, RiskTolerance.AGGRESSIVE, paths);
  }

  /** A house deposit of $60,000 in five years, retirement after it. */
  static PlanSubject houseDeposit() {
    Goal house =
        new Goal(
            GoalType.HOME_PURCHASE,
            Money.usd(60_000),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(5),
            1,
            "house deposit");
    Goal retire =
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_200_000),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(32),
            2,
            "retire at 65");
    return subject(
        state(33, 110_000, 30_000, 65, RiskTolerance.MODERATE, List.of()),
        List.of(house, retire),
        2_000);
  }

  static FinancialState state(
      int age, long income, long invested, int retireAt, RiskTolerance risk, List<Debt> debts) {
    return new FinancialState(
        age,
        FilingStatus.SINGLE,
        Money.usd(income),
        new MonthlyExpenses(Money.usd(2_600), Money.usd(900), Money.usd(1_300)),
        List.of(
            new Account("checking", AccountType.CASH, Money.usd(25_000)),
            new Account("401k", AccountType.EMPLOYER_401K, Money.usd(invested))),
        new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
        debts,
        0,
        risk,
        retireAt,
        HsaCoverage.NONE);
  }

  static Debt card() {
    return new Debt(
        "visa", DebtKind.CREDIT_CARD, Money.usd(6_000), new BigDecimal("0.229"), Money.usd(180));
  }

  static PlanSubject subject(FinancialState state, List<Goal> goals, int paths) {
    PlanningRequest request = new PlanningRequest(state, goals, 2026, AS_OF);
    PlanningResult result = PLANNER.plan(request, PlanningOptions.defaults().withPaths(paths));
    return PlanSubject.of(1, request, result, null, MarketSnapshot.historical());
  }
}
