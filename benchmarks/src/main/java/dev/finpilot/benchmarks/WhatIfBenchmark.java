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
import dev.finpilot.insight.Change;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.WhatIf;
import dev.finpilot.insight.WhatIfAnswer;
import dev.finpilot.market.MarketSnapshot;
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
 * A what-if on a 40-year plan at 10,000 paths (docs/benchmarks.md, "What-if and stress tests"):
 * both sides projected and the changed plan verified. Budget: well under a second on one core.
 *
 * <p>The household is 25, earns $85,000, has $20,000 in a 401(k) and retires at 65 with $1.8M in
 * today's dollars, planned with the default options (10,000 bootstrap paths).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhatIfBenchmark {

  private static final int PATHS = 10_000;

  private PlanSubject subject;
  private Change retireThreeYearsLater;
  private Change marketFallWithMoreSaving;

  @Setup
  public void setUp() {
    subject = fortyYearSubject();
    retireThreeYearsLater = new Change(3, null, null, null, null, null);
    marketFallWithMoreSaving =
        new Change(null, Money.usd(300), new BigDecimal("0.30"), null, null, null);
  }

  /** The 40-year household, planned as the planning agent would plan it. */
  static PlanSubject fortyYearSubject() {
    LocalDate asOf = LocalDate.of(2026, 1, 15);
    FinancialState state =
        new FinancialState(
            25,
            FilingStatus.SINGLE,
            Money.usd(85_000),
            new MonthlyExpenses(Money.usd(2_600), Money.usd(900), Money.usd(1_300)),
            List.of(
                new Account("checking", AccountType.CASH, Money.usd(25_000)),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(20_000))),
            new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
            List.of(),
            0,
            RiskTolerance.AGGRESSIVE,
            65,
            HsaCoverage.NONE);
    Goal retirement =
        new Goal(
            GoalType.RETIREMENT,
            Money.usd(1_800_000),
            ValueBasis.TODAYS_DOLLARS,
            asOf.plusYears(40),
            1,
            "retire at 65");
    PlanningRequest request = new PlanningRequest(state, List.of(retirement), 2026, asOf);
    PlanningResult result = new Planner().plan(request);
    return PlanSubject.of(1, request, result, null, MarketSnapshot.historical());
  }

  @Benchmark
  public WhatIfAnswer retireThreeYearsLater() {
    return WhatIf.answer(subject, retireThreeYearsLater, PATHS);
  }

  @Benchmark
  public WhatIfAnswer marketFallWithMoreSaving() {
    return WhatIf.answer(subject, marketFallWithMoreSaving, PATHS);
  }
}
