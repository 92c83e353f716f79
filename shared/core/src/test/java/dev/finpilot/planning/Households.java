package dev.finpilot.planning;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable household for planner tests: a single 35-year-old earning $95,000 in 2026 with a 401(k)
 * match, a credit card, a student loan and a car loan, saving for retirement at 65. Tests change
 * one thing at a time.
 */
final class Households {
  int age = 35;
  FilingStatus status = FilingStatus.SINGLE;
  Money income = Money.usd(95_000);
  Money essential = Money.usd(3_200);
  Money discretionary = Money.usd(900);
  Money housing = Money.usd(1_600);
  final List<Account> accounts = new ArrayList<>();
  final List<Debt> debts = new ArrayList<>();
  EmployerMatch match = new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06"));
  int dependents;
  RiskTolerance risk = RiskTolerance.MODERATE;
  int retirementAge = 65;
  HsaCoverage hsa = HsaCoverage.SELF_ONLY;
  final List<Goal> goals = new ArrayList<>();
  int taxYear = 2026;
  LocalDate asOf = LocalDate.of(2026, 1, 15);

  Households() {
    accounts.add(new Account("checking", AccountType.CASH, Money.usd(4_000)));
    accounts.add(new Account("401k", AccountType.EMPLOYER_401K, Money.usd(60_000)));
    debts.add(debt("visa", DebtKind.CREDIT_CARD, 6_000, "0.229", 180));
    debts.add(debt("student loan", DebtKind.STUDENT_LOAN, 18_000, "0.055", 210));
    debts.add(debt("car", DebtKind.AUTO_LOAN, 3_000, "0.069", 260));
    goals.add(
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_500_000),
            ValueBasis.TODAYS_DOLLARS,
            asOf.plusYears(30),
            1,
            "retire at 65"));
  }

  static Debt debt(String name, DebtKind kind, long balance, String apr, long minimum) {
    return new Debt(name, kind, Money.usd(balance), new BigDecimal(apr), Money.usd(minimum));
  }

  Households cash(long dollars) {
    accounts.removeIf(a -> a.type() == AccountType.CASH);
    accounts.add(new Account("checking", AccountType.CASH, Money.usd(dollars)));
    return this;
  }

  Households noDebts() {
    debts.clear();
    return this;
  }

  Households goal(GoalType type, long amount, LocalDate due, int priority, String description) {
    goals.add(
        new Goal(type, Money.usd(amount), ValueBasis.TODAYS_DOLLARS, due, priority, description));
    return this;
  }

  FinancialState state() {
    return new FinancialState(
        age,
        status,
        income,
        new MonthlyExpenses(essential, discretionary, housing),
        accounts,
        match,
        debts,
        dependents,
        risk,
        retirementAge,
        hsa);
  }

  PlanningRequest request() {
    return new PlanningRequest(state(), goals, taxYear, asOf);
  }
}
