package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.HistoricalReturns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimulatedPathsTest {

  private static final ValueBasis TODAY = ValueBasis.TODAYS_DOLLARS;
  private static final ValueBasis NOMINAL = ValueBasis.NOMINAL;
  private static final Allocation STOCKS = Allocation.of("1", "0", "0");

  private static ProjectionRequest.Builder saver() {
    return ProjectionRequest.builder()
        .startingBalance(250_000)
        .allocation(Allocation.of("0.6", "0.4", "0"))
        .startAge(45)
        .years(40)
        .cashFlow(CashFlow.contribution(20_000, 45, 65, TODAY))
        .cashFlow(CashFlow.withdrawal(60_000, 65, 85, TODAY))
        .target(100_000, TODAY)
        .paths(2_000)
        .seed(42);
  }

  @Test
  void keepingThePathsChangesNothingInTheResult() {
    ProjectionRequest annual = saver().build();
    ProjectionRequest monthly =
        saver()
            .frequency(StepFrequency.MONTHLY)
            .generator(LognormalGenerator.fitted())
            .target(400_000, NOMINAL)
            .paths(500)
            .build();
    for (ProjectionRequest request : new ProjectionRequest[] {annual, monthly}) {
      assertThat(ProjectionEngine.simulate(request).result())
          .isEqualTo(ProjectionEngine.project(request));
    }
  }

  @Test
  void everyPathsWealthIsBehindTheBands() {
    SimulatedPaths simulated = ProjectionEngine.simulate(saver().build());
    ProjectionResult result = simulated.result();
    for (int year = 1; year <= 40; year++) {
      double[] column = simulated.wealthAt(year);
      Arrays.sort(column);
      // Nearest rank: the 1,000th of 2,000 is the median, the 200th the 10th percentile.
      assertThat(column[999]).isEqualTo(result.bands().get(year).p50());
      assertThat(column[199]).isEqualTo(result.bands().get(year).p10());
      assertThat(simulated.wealth(7, year)).isEqualTo(simulated.wealthAt(year)[7]);
    }
    assertThat(simulated.wealth(0, 0)).isEqualTo(250_000);
    long succeeded =
        java.util.stream.IntStream.range(0, 2_000).filter(simulated::succeeded).count();
    assertThat(succeeded / 2_000.0).isEqualTo(result.successProbability());
    long depleted =
        java.util.stream.IntStream.range(0, 2_000)
            .filter(p -> simulated.depletedInYear(p) > 0)
            .count();
    assertThat(depleted / 2_000.0).isEqualTo(result.shortfall().depletionProbability());
  }

  @Test
  void marketGrowthIsTheAllocationsReturnForTheYearNominalOrReal() {
    HistoricalReturns data = HistoricalReturns.embedded();
    ProjectionRequest.Builder backtest =
        ProjectionRequest.builder()
            .startingBalance(1_000)
            .allocation(STOCKS)
            .startAge(60)
            .years(3)
            .generator(RollingWindowGenerator.embedded())
            .seed(1);
    SimulatedPaths nominal = ProjectionEngine.simulate(backtest.reportIn(NOMINAL).build());
    SimulatedPaths real = ProjectionEngine.simulate(backtest.reportIn(TODAY).build());
    int path = 2008 - data.firstYear();
    double stocks = data.returnOf(AssetClass.US_LARGE_CAP, 2008);
    assertThat(nominal.marketGrowth(path, 1)).isEqualTo(1 + stocks);
    assertThat(real.marketGrowth(path, 1))
        .isCloseTo((1 + stocks) / (1 + data.inflationOf(2008)), within(1e-15));
    assertThat(real.marketGrowth(path, 2))
        .isCloseTo(
            (1 + data.returnOf(AssetClass.US_LARGE_CAP, 2009)) / (1 + data.inflationOf(2009)),
            within(1e-15));
  }

  @Test
  void nominalFlowsReportedInTodaysDollarsDeflateGrowthAndTarget() {
    double inflation = 0.03;
    ProjectionRequest request =
        ProjectionRequest.builder()
            .startingBalance(100_000)
            .allocation(Allocation.of("0", "0", "1"))
            .startAge(40)
            .years(10)
            .frequency(StepFrequency.MONTHLY)
            .cashFlow(CashFlow.withdrawal(30_000, 40, 120, NOMINAL))
            .target(50_000, NOMINAL)
            .generator(ProjectionEngineTest.riskless(0.05, inflation))
            .paths(4)
            .seed(3)
            .build();
    SimulatedPaths simulated = ProjectionEngine.simulate(request);
    assertThat(simulated.marketGrowth(0, 1)).isCloseTo(1.05 / 1.03, within(1e-12));
    assertThat(simulated.target(3)).isCloseTo(50_000 / Math.pow(1.03, 10), within(1e-6));
    // 100k less 30k a year at 5% runs out in the fourth year.
    assertThat(simulated.depletedInYear(1)).isEqualTo(4);
    assertThat(simulated.succeeded(1)).isFalse();
  }
}
