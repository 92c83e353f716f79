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
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Households for the explanation and recommendation tests, planned by the real planner and verified
 * by the real verifier: a single 35-year-old earning $95,000 in 2026, $3,200 of essential expenses
 * a month, a 50%-up-to-6% match, self-only HDHP coverage, saving $1,500,000 (today's dollars) for
 * retirement at 65. Tests change one thing at a time.
 */
final class RecommendHouseholds {

  static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

  Money income = Money.usd(95_000);
  Money essential = Money.usd(3_200);
  Money cash = Money.usd(4_000);
  Money retirementTarget = Money.usd(1_500_000);
  final List<Debt> debts = new ArrayList<>();
  EmployerMatch match = new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06"));
  RiskTolerance risk = RiskTolerance.MODERATE;
  HsaCoverage hsa = HsaCoverage.SELF_ONLY;
  boolean retirement = true;

  RecommendHouseholds card(long balance, String apr, long minimum) {
    debts.add(
        new Debt(
            "visa",
            DebtKind.CREDIT_CARD,
            Money.usd(balance),
            new BigDecimal(apr),
            Money.usd(minimum)));
    return this;
  }

  RecommendHouseholds cash(long dollars) {
    cash = Money.usd(dollars);
    return this;
  }

  PlanningRequest request() {
    FinancialState state =
        new FinancialState(
            35,
            FilingStatus.SINGLE,
            income,
            new MonthlyExpenses(essential, Money.usd(900), Money.usd(1_600)),
            List.of(
                new Account("checking", AccountType.CASH, cash),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(60_000))),
            match,
            debts,
            0,
            risk,
            65,
            hsa);
    Goal retirement =
        new Goal(
            GoalType.RETIREMENT,
            retirementTarget,
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(30),
            1,
            "retire at 65");
    Goal home =
        new Goal(
            GoalType.HOME_PURCHASE,
            Money.usd(60_000),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(5),
            1,
            "buy a home");
    return new PlanningRequest(state, List.of(this.retirement ? retirement : home), 2026, AS_OF);
  }

  /** Version 1 as the planner and the verifier leave it, on 2,000 paths to keep tests quick. */
  PlanSubject subject() {
    PlanningRequest request = request();
    PlanningResult result =
        new Planner().plan(request, PlanningOptions.defaults().withPaths(2_000));
    return PlanSubject.of(
        1, request, result, Verifier.standard().verify(result.plan(), request), null);
  }
}
