package dev.finpilot.benchmarks;

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
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.RiskAnalysis;
import dev.finpilot.insight.RiskReport;
import dev.finpilot.planning.Planner;
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
 * The risk analytics of a 40-year plan at 10,000 paths (docs/benchmarks.md "Risk analytics"): a
 * 25-year-old retiring at 65, planned once in the setup. Each call reruns the version's projection
 * keeping every path, the 70-year run to age 95 for sequence risk, and every statistic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RiskAnalysisBenchmark {

  private PlanSubject subject;

  @Setup
  public void setUp() {
    LocalDate asOf = LocalDate.of(2026, 1, 15);
    FinancialState state =
        new FinancialState(
            25,
            FilingStatus.SINGLE,
            Money.usd(70_000),
            new MonthlyExpenses(Money.usd(2_600), Money.usd(700), Money.usd(1_300)),
            List.of(
                new Account("checking", AccountType.CASH, Money.usd(12_000)),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(20_000))),
            new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            HsaCoverage.NONE);
    Goal retire =
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_200_000),
            ValueBasis.TODAYS_DOLLARS,
            asOf.plusYears(40),
            1,
            "retire at 65");
    PlanningRequest request = new PlanningRequest(state, List.of(retire), 2026, asOf);
    PlanningResult result = new Planner().plan(request);
    subject = PlanSubject.of(1, request, result, null, null);
    if (subject.projection().years() != 40 || subject.projection().paths() != 10_000) {
      throw new IllegalStateException("the scenario is not a 40-year plan at 10,000 paths");
    }
  }

  /** Budget: well under a second on one core. */
  @Benchmark
  public RiskReport analyse40Years10kPaths() {
    return RiskAnalysis.analyse(subject);
  }
}
