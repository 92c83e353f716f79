package dev.finpilot.insight;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
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
import dev.finpilot.planning.PlanningResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Plan versions for the risk tests, planned by the real planner at its default 10,000 paths: a
 * 35-year-old earning $95,000 with $4,000 in checking and $60,000 in a 401(k), saving for
 * retirement at 65 or for a house in four years.
 */
final class RiskSubjects {

  static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

  private RiskSubjects() {}

  static PlanSubject retirement() {
    return subject(
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_500_000),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(30),
            1,
            "retire at 65"));
  }

  static PlanSubject house() {
    return subject(
        new Goal(
            GoalType.HOME_PURCHASE,
            Money.usd(60_000),
            ValueBasis.TODAYS_DOLLARS,
            AS_OF.plusYears(4),
            1,
            "house deposit"));
  }

  private static PlanSubject subject(Goal goal) {
    FinancialState state =
        new FinancialState(
            35,
            FilingStatus.SINGLE,
            Money.usd(95_000),
            new MonthlyExpenses(Money.usd(3_200), Money.usd(900), Money.usd(1_600)),
            List.of(
                new Account("checking", AccountType.CASH, Money.usd(4_000)),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(60_000))),
            new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            HsaCoverage.SELF_ONLY);
    PlanningRequest request = new PlanningRequest(state, List.of(goal), 2026, AS_OF);
    PlanningResult result = new Planner().plan(request);
    return PlanSubject.of(1, request, result, null, null);
  }
}
