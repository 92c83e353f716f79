package dev.finpilot.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.RollingWindowGenerator;
import dev.finpilot.projection.SimulatedPaths;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The figures of docs/insight.md section 4 come from these tests' retirement version. */
class RiskAnalysisTest {

  private static PlanSubject retirement;
  private static RiskReport report;

  @BeforeAll
  static void analyse() {
    retirement = RiskSubjects.retirement();
    report = RiskAnalysis.analyse(retirement);
  }

  @Test
  void thePathsAreTheStoredProjectionsOwn() {
    SimulatedPaths paths = ProjectionEngine.simulate(retirement.baseline().build());
    assertThat(paths.result().bands()).isEqualTo(retirement.projection().bands());
    assertThat(report.seed()).isEqualTo(retirement.projection().seed());
    assertThat(report.paths()).isEqualTo(10_000);
    assertThat(report.years()).isEqualTo(30);
    assertThat(RiskAnalysis.analyse(retirement)).isEqualTo(report);
  }

  @Test
  void valueAtRiskAndExpectedShortfallAgreeWithADirectComputation() {
    SimulatedPaths paths = ProjectionEngine.simulate(retirement.baseline().build());
    // The version's contributions: $23,445.84 at 35, $26,379.18 at 36, $29,312.52 a year 37-64.
    double start = 60_000;
    double firstYear = 23_445.84;
    double allIn = start + 23_445.84 + 26_379.18 + 28 * 29_312.52;
    double target = 1_500_000;
    double[] oneYear = new double[10_000];
    double[] againstTarget = new double[10_000];
    double[] againstMoneyIn = new double[10_000];
    for (int p = 0; p < 10_000; p++) {
      oneYear[p] = start + firstYear - paths.wealth(p, 1);
      againstTarget[p] = target - paths.wealth(p, 30);
      againstMoneyIn[p] = allIn - paths.wealth(p, 30);
    }
    assertTail(report.tail(RiskTail.Measure.ONE_YEAR), oneYear);
    assertTail(report.tail(RiskTail.Measure.HORIZON_AGAINST_TARGET), againstTarget);
    assertTail(report.tail(RiskTail.Measure.HORIZON_AGAINST_MONEY_PUT_IN), againstMoneyIn);
    // Missing the target is the complement of success here (nothing is withdrawn).
    assertThat(report.tail(RiskTail.Measure.HORIZON_AGAINST_TARGET).probabilityOfLoss())
        .isEqualTo(1 - retirement.projection().successProbability());
  }

  /** Sorted ascending, VaR 95% is the 9,500th loss and ES 95% the mean of the last 500. */
  private static void assertTail(RiskTail tail, double[] losses) {
    Arrays.sort(losses);
    assertThat(tail.valueAtRisk95()).isCloseTo(losses[9_499], within(1e-6));
    assertThat(tail.valueAtRisk99()).isCloseTo(losses[9_899], within(1e-6));
    assertThat(tail.expectedShortfall95())
        .isCloseTo(Arrays.stream(losses, 9_500, 10_000).sum() / 500, within(1e-6));
    assertThat(tail.expectedShortfall99())
        .isCloseTo(Arrays.stream(losses, 9_900, 10_000).sum() / 100, within(1e-6));
    assertThat(tail.expectedShortfall95()).isGreaterThanOrEqualTo(tail.valueAtRisk95());
    long lossy = Arrays.stream(losses).filter(l -> l > 0).count();
    assertThat(tail.probabilityOfLoss()).isEqualTo(lossy / 10_000.0);
  }

  @Test
  void contributionsHideMarketFalls() {
    RiskDrawdown drawdown = report.drawdown();
    assertThat(drawdown.portfolio().p50()).isLessThan(drawdown.market().p50());
    assertThat(drawdown.portfolio().p99()).isLessThan(drawdown.market().p99());
    assertThat(drawdown.market().p50()).isLessThanOrEqualTo(drawdown.market().p90());
    assertThat(drawdown.market().p95()).isLessThanOrEqualTo(drawdown.market().p99());
  }

  @Test
  void theWorstDrawdownOfAllStocksIsTheCrashOf1929To1932() {
    HistoricalReturns data = HistoricalReturns.embedded();
    SimulatedPaths windows =
        ProjectionEngine.simulate(
            ProjectionRequest.builder()
                .startingBalance(1_000)
                .allocation(Allocation.of("1", "0", "0"))
                .startAge(50)
                .years(10)
                .reportIn(ValueBasis.NOMINAL)
                .generator(RollingWindowGenerator.embedded())
                .seed(1)
                .build());
    double left = 1;
    for (int year = 1929; year <= 1932; year++) {
      left *= 1 + data.returnOf(AssetClass.US_LARGE_CAP, year);
    }
    RiskDrawdown drawdown = RiskDrawdown.of(windows);
    // 89 ten-year windows: the 99th percentile is the worst. No cash flows: both views agree.
    assertThat(drawdown.market().p99()).isCloseTo(1 - left, within(1e-12));
    assertThat(drawdown.portfolio().p50()).isCloseTo(drawdown.market().p50(), within(1e-12));
    assertThat(drawdown.portfolio().p99()).isCloseTo(drawdown.market().p99(), within(1e-12));
  }

  @Test
  void sharpeAndSortinoOfAllLargeCapsByHand() {
    HistoricalReturns data = HistoricalReturns.embedded();
    double[] stocks = data.returns(AssetClass.US_LARGE_CAP);
    double[] bills = data.returns(AssetClass.CASH);
    int n = stocks.length;
    assertThat(n).isEqualTo(98);
    double sum = 0;
    for (int t = 0; t < n; t++) {
      sum += stocks[t] - bills[t];
    }
    double mean = sum / n;
    double squares = 0;
    double below = 0;
    for (int t = 0; t < n; t++) {
      double e = stocks[t] - bills[t];
      squares += (e - mean) * (e - mean);
      below += Math.min(e, 0) * Math.min(e, 0);
    }
    RiskRatios ratios =
        RiskRatios.of(
            "all stocks",
            40,
            new Allocation(Map.of(AssetClass.US_LARGE_CAP, BigDecimal.ONE)),
            data);
    assertThat(ratios.sharpe()).isCloseTo(mean / Math.sqrt(squares / (n - 1)), within(1e-12));
    assertThat(ratios.sortino()).isCloseTo(mean / Math.sqrt(below / n), within(1e-12));
    assertThat(ratios.firstYear()).isEqualTo(1928);
    assertThat(ratios.lastYear()).isEqualTo(2025);
    RiskRatios cash = RiskRatios.of("bills", 40, Allocation.of("0", "0", "1"), data);
    assertThat(cash.sharpe()).isNull();
    assertThat(cash.sortino()).isNull();
  }

  @Test
  void thePlansRatiosAreForItsFirstYearAndGoalDate() {
    assertThat(report.ratios()).extracting(RiskRatios::age).containsExactly(35, 64);
    assertThat(report.ratios().get(0).allocation().weight(AssetClass.US_LARGE_CAP))
        .isEqualByComparingTo("0.63");
    assertThat(report.ratios().get(1).standardDeviation())
        .isLessThan(report.ratios().get(0).standardDeviation());
  }

  @Test
  void concentrationByAccountAndAssetClass() {
    RiskConcentration accounts = report.accounts();
    assertThat(accounts.shares())
        .extracting(RiskConcentration.Share::share)
        .containsExactly(new BigDecimal("0.9375"), new BigDecimal("0.0625"));
    // 0.9375^2 + 0.0625^2 = 0.8828125
    assertThat(accounts.herfindahl()).isEqualByComparingTo("0.8828");
    assertThat(accounts.concentrated()).isTrue();
    assertThat(accounts.note()).contains("401k (401(k)), holds 93.75%");
    // 0.63^2 + 0.171^2 + 0.114^2 + 0.07^2 + 0.015^2 = 0.444262
    assertThat(report.assetClasses().herfindahl()).isEqualByComparingTo("0.4443");
    assertThat(report.assetClasses().concentrated()).isFalse();
    assertThat(report.holdings()).contains("not known");

    RiskConcentration even =
        RiskConcentration.ofAccounts(
            List.of(
                new Account("a", AccountType.ROTH_IRA, Money.usd(50)),
                new Account("b", AccountType.HSA, Money.usd(50))));
    assertThat(even.herfindahl()).isEqualByComparingTo("0.5");
    assertThat(even.concentrated()).isFalse();
    assertThat(RiskConcentration.ofAccounts(List.of()).herfindahl()).isNull();
  }

  @Test
  void badFirstYearsOfRetirementLeaveLessThanGoodOnes() {
    RiskSequence sequence = report.sequence();
    assertThat(sequence.applies()).isTrue();
    assertThat(sequence.retirementAge()).isEqualTo(65);
    assertThat(sequence.untilAge()).isEqualTo(95);
    // Monthly expenses of $3,200 + $900, twelve times.
    assertThat(sequence.annualSpending()).isEqualTo(49_200);
    assertThat(sequence.worstFifth().highestReturn())
        .isLessThanOrEqualTo(sequence.bestFifth().lowestReturn());
    assertThat(sequence.worstFifth().successProbability())
        .isLessThan(sequence.bestFifth().successProbability());
    assertThat(sequence.worstFifth().medianWealth())
        .isLessThan(sequence.bestFifth().medianWealth());
    ProjectionRequest extended =
        retirement
            .baseline()
            .years(60)
            .cashFlow(CashFlow.withdrawal(49_200, 65, 95, ValueBasis.TODAYS_DOLLARS))
            .target(0, ValueBasis.TODAYS_DOLLARS)
            .build();
    assertThat(sequence.successProbability())
        .isEqualTo(ProjectionEngine.project(extended).successProbability());
  }

  @Test
  void sequenceRiskDoesNotApplyToAHouse() {
    RiskReport house = RiskAnalysis.analyse(RiskSubjects.house());
    assertThat(house.sequence().applies()).isFalse();
    assertThat(house.sequence().note()).startsWith("Does not apply: a home purchase goal");
    assertThat(house.sequence().worstFifth()).isNull();
    assertThat(house.years()).isEqualTo(4);
  }
}
