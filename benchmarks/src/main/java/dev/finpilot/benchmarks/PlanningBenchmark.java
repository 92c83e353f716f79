package dev.finpilot.benchmarks;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full planning request (docs/benchmarks-planning.md). Budget: under 500 ms on one core.
 *
 * <p>{@code allStrategies} is a 35-year-old aggressive investor with a credit card, a student loan
 * and a car loan saving for retirement in 30 years: no strategy is pruned, so all six are built,
 * verified, repaired where needed, projected with 10,000 bootstrap paths over 30 years, verified
 * again and scored. {@code moderateWithHomeGoal} adds a house deposit due in four years to a
 * moderate investor (one strategy pruned by the risk cap, a second goal checked). {@code
 * infeasibleWithRelaxations} cannot pass, so it also pays for the relaxation search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanningBenchmark {

  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

  private Planner planner;
  private PlanningOptions options;
  private PlanningRequest allStrategies;
  private PlanningRequest moderateWithHomeGoal;
  private PlanningRequest infeasible;

  @Setup
  public void setUp() {
    planner = new Planner();
    options = PlanningOptions.defaults();
    allStrategies = request(RiskTolerance.AGGRESSIVE, Money.usd(95_000), List.of(retirement(1)));
    moderateWithHomeGoal =
        request(
            RiskTolerance.MODERATE,
            Money.usd(110_000),
            List.of(
                retirement(2),
                new Goal(
                    GoalType.HOME_PURCHASE,
                    Money.usd(40_000),
                    ValueBasis.TODAYS_DOLLARS,
                    AS_OF.plusYears(4),
                    1,
                    "house deposit")));
    infeasible =
        request(
            RiskTolerance.MODERATE,
            Money.usd(95_000),
            List.of(
                new Goal(
                    GoalType.RETIREMENT,
                    Money.usd(4_000_000),
                    ValueBasis.TODAYS_DOLLARS,
                    AS_OF.plusYears(30),
                    1,
                    "retire rich")));
  }

  private static Goal retirement(int priority) {
    return new Goal(
        GoalType.RETIREMENT,
        Money.usd(1_500_000),
        ValueBasis.TODAYS_DOLLARS,
        AS_OF.plusYears(30),
        priority,
        "retire at 65");
  }

  private static PlanningRequest request(RiskTolerance risk, Money income, List<Goal> goals) {
    FinancialState state =
        new FinancialState(
            35,
            FilingStatus.SINGLE,
            income,
            new MonthlyExpenses(Money.usd(3_200), Money.usd(900), Money.usd(1_600)),
            List.of(
                new Account("checking", AccountType.CASH, Money.usd(4_000)),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(60_000))),
            new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
            List.of(
                debt("visa", DebtKind.CREDIT_CARD, 6_000, "0.229", 180),
                debt("student loan", DebtKind.STUDENT_LOAN, 18_000, "0.055", 210),
                debt("car", DebtKind.AUTO_LOAN, 3_000, "0.069", 260)),
            0,
            risk,
            65,
            HsaCoverage.SELF_ONLY);
    return new PlanningRequest(state, goals, 2026, AS_OF);
  }

  private static Debt debt(String name, DebtKind kind, long balance, String apr, long minimum) {
    return new Debt(name, kind, Money.usd(balance), new BigDecimal(apr), Money.usd(minimum));
  }

  /** Budget: under 500 ms on one core. */
  @Benchmark
  public PlanningResult allStrategies() {
    return planner.plan(allStrategies, options);
  }

  /** Budget: under 500 ms on one core. */
  @Benchmark
  public PlanningResult moderateWithHomeGoal() {
    return planner.plan(moderateWithHomeGoal, options);
  }

  /** No budget: includes the relaxation search, which only runs when no plan can pass. */
  @Benchmark
  public PlanningResult infeasibleWithRelaxations() {
    return planner.plan(infeasible, options);
  }
}
