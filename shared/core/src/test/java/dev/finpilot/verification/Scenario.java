package dev.finpilot.verification;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.domain.Withdrawal;
import dev.finpilot.regulation.RegulatoryTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A healthy single 40-year-old earning $90,000 in 2025 with a sound moderate plan; tests change one
 * thing at a time. Verified as is, it is APPROVED with no findings.
 */
final class Scenario {
  int age = 40;
  FilingStatus status = FilingStatus.SINGLE;
  Money income = Money.usd(90_000);
  Money essential = Money.usd(3_000);
  Money discretionary = Money.usd(1_000);
  Money housing = Money.usd(1_500);
  final List<Account> accounts = new ArrayList<>();
  final List<Debt> debts = new ArrayList<>();
  RiskTolerance risk = RiskTolerance.MODERATE;
  HsaCoverage hsa = HsaCoverage.NONE;
  final List<Goal> goals = new ArrayList<>();
  int taxYear = 2025;
  LocalDate asOf = LocalDate.of(2025, 3, 1);

  final List<Contribution> contributions = new ArrayList<>();
  final List<DebtPayment> debtPayments = new ArrayList<>();
  Money emergencyFundTarget = Money.usd(12_000);
  GlidePath glidePath = GlidePath.constant(18, Allocation.of("0.60", "0.35", "0.05"));
  final List<Withdrawal> withdrawals = new ArrayList<>();
  BigDecimal leverage = BigDecimal.ONE;
  int dayTradesPerWeek;
  Money privatePlacements = Money.zeroUsd();
  double successProbability = 0.90;
  VerificationPolicy policy = VerificationPolicy.defaults();

  Scenario() {
    accounts.add(new Account("checking", AccountType.CASH, Money.usd(15_000)));
    accounts.add(new Account("brokerage", AccountType.TAXABLE_BROKERAGE, Money.usd(20_000)));
    accounts.add(new Account("401k", AccountType.EMPLOYER_401K, Money.usd(80_000)));
    goals.add(
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_500_000),
            ValueBasis.TODAYS_DOLLARS,
            LocalDate.of(2050, 3, 1),
            1,
            "retire at 65"));
  }

  static Money usd(long dollars) {
    return Money.usd(dollars);
  }

  /** The monthly amount that contributes {@code annual} a year, rounded up to the cent. */
  static Money monthlyFor(long annual) {
    return Amounts.monthlyCeiling(Money.usd(annual));
  }

  Scenario contribute(AccountType type, Money monthly) {
    contributions.add(new Contribution(type, monthly));
    return this;
  }

  Scenario contributeAnnual(AccountType type, long annual) {
    return contribute(type, monthlyFor(annual));
  }

  Scenario cash(long dollars) {
    accounts.removeIf(a -> a.type() == AccountType.CASH);
    accounts.add(new Account("checking", AccountType.CASH, Money.usd(dollars)));
    return this;
  }

  Scenario balance(AccountType type, Money amount) {
    accounts.removeIf(a -> a.type() == type);
    accounts.add(new Account(type.name().toLowerCase(Locale.ROOT), type, amount));
    return this;
  }

  Scenario debt(String name, DebtKind kind, long balance, long minimumPayment) {
    debts.add(
        new Debt(
            name, kind, Money.usd(balance), new BigDecimal("0.07"), Money.usd(minimumPayment)));
    return this;
  }

  Scenario withdraw(AccountType type, long amount, int atAge, Withdrawal.PenaltyException e) {
    withdrawals.add(new Withdrawal(type, Money.usd(amount), atAge, e));
    return this;
  }

  Scenario equity(String share) {
    BigDecimal rest = BigDecimal.ONE.subtract(new BigDecimal(share));
    glidePath = GlidePath.constant(18, Allocation.of(share, rest.toPlainString(), "0"));
    return this;
  }

  Scenario goal(GoalType type, long amount, LocalDate due) {
    goals.add(new Goal(type, Money.usd(amount), ValueBasis.NOMINAL, due, 2, ""));
    return this;
  }

  FinancialState state() {
    return new FinancialState(
        age,
        status,
        income,
        new MonthlyExpenses(essential, discretionary, housing),
        accounts,
        EmployerMatch.NONE,
        debts,
        0,
        risk,
        Math.max(65, age),
        hsa);
  }

  PlanningRequest request() {
    return new PlanningRequest(state(), goals, taxYear, asOf);
  }

  Plan plan() {
    return new Plan(
        "test",
        contributions,
        debtPayments,
        DebtPayoffMethod.AVALANCHE,
        emergencyFundTarget,
        glidePath,
        withdrawals,
        List.of(),
        leverage,
        dayTradesPerWeek,
        privatePlacements,
        successProbability);
  }

  VerificationContext context() {
    return new VerificationContext(plan(), request(), RegulatoryTable.usDefault(), policy);
  }

  RuleResult run(Rule rule) {
    return rule.evaluate(context());
  }

  VerificationReport verify() {
    return Verifier.standard(policy).verify(plan(), request());
  }
}
