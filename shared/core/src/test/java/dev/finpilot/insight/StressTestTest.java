package dev.finpilot.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.BootstrapGenerator;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.projection.RollingWindowGenerator;
import dev.finpilot.projection.ScenarioGenerator;
import dev.finpilot.projection.YearBand;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressTestTest {

  private static final HistoricalReturns DATA = HistoricalReturns.embedded();
  private static final PlanSubject THIRTY_FIVE = WhatIfSubjects.thirtyFive();
  private static final StressReport REPORT = StressTest.run(THIRTY_FIVE);

  private static ProjectionRequest.Builder retiree() {
    return ProjectionRequest.builder()
        .startingBalance(1_000_000)
        .allocation(
            new Allocation(
                Map.of(
                    AssetClass.US_LARGE_CAP,
                    new BigDecimal("0.5"),
                    AssetClass.TREASURY_BOND,
                    new BigDecimal("0.5"))))
        .startAge(65)
        .years(30)
        .cashFlow(CashFlow.withdrawal(40_000, 65, 120, ValueBasis.TODAYS_DOLLARS))
        .paths(100)
        .seed(0);
  }

  @Test
  void aRetirementStartingIn1966AtFourPercentWithFiftyFiftyRunsOutIn1990AsInTheRollingBacktest() {
    ScenarioGenerator replay =
        ScenarioGenerator.over(BootstrapGenerator.embedded()).replaying(DATA, 1966);
    ProjectionResult result = ProjectionEngine.project(retiree().generator(replay).build());
    StressDepletion depletion = StressDepletion.of(result.bands(), 1966, 1966, 30);
    assertThat(depletion.runsOut()).isTrue();
    assertThat(depletion.historicalYear()).isEqualTo(1990);
    assertThat(depletion.planYear()).isEqualTo(24);
    assertThat(depletion.age()).isEqualTo(89);
    assertThat(depletion.probability()).isEqualTo(1.0);
    // Every path replays the same 30 years: the bands collapse onto the one historical path.
    for (YearBand band : result.bands()) {
      assertThat(band.p10()).isEqualTo(band.p90());
    }
    ProjectionResult rolling =
        ProjectionEngine.project(retiree().generator(RollingWindowGenerator.embedded()).build());
    assertThat(rolling.cycle(1966).orElseThrow().depletedIn()).hasValue(depletion.historicalYear());
    assertThat(result.finalBand().p50()).isZero();
  }

  @Test
  void the2008ReplayShowsThatYearsSp500ReturnFromTheDataSet() {
    StressOutcome replay = outcome(StressScenario.REPLAY_2008);
    assertThat(replay.replayed().get(0).calendarYear()).isEqualTo(2008);
    assertThat(replay.replayed().get(0).usLargeCap())
        .isEqualTo(DATA.returnOf(AssetClass.US_LARGE_CAP, 2008))
        .isEqualTo(-0.365523);
    // 2008-2025 replayed, the rest of the 60 years (to 95) simulated with the version's seed.
    assertThat(replay.historicalYears()).isEqualTo(18);
    assertThat(replay.simulatedYears()).isEqualTo(42);
    assertThat(replay.replayed()).hasSize(18);
    // The allocation alone lost in real terms in year 1 exactly what 2008 gives at its weights.
    Allocation first = THIRTY_FIVE.projection().inputs().glidePath().allocationAt(35);
    double cpi = DATA.inflationOf(2008);
    double expected = 0;
    for (Map.Entry<AssetClass, BigDecimal> w : first.weights().entrySet()) {
      expected += w.getValue().doubleValue() * (1 + DATA.returnOf(w.getKey(), 2008)) / (1 + cpi);
    }
    double yearOne = 1 - replay.market().depth();
    assertThat(replay.market().peakYear()).isZero();
    assertThat(replay.market().troughYear()).isEqualTo(1);
    assertThat(yearOne).isCloseTo(expected, within(1e-12));
  }

  @Test
  void theReportRunsEveryStressOnTheVersionsSeedAndPaths() {
    assertThat(REPORT.seed()).isEqualTo(THIRTY_FIVE.projection().seed());
    assertThat(REPORT.paths()).isEqualTo(THIRTY_FIVE.projection().paths());
    assertThat(REPORT.asPlanned().successProbability())
        .isEqualTo(THIRTY_FIVE.projection().successProbability());
    assertThat(REPORT.asPlanned().successChange()).isZero();
    assertThat(REPORT.scenarios())
        .extracting(StressOutcome::scenario)
        .containsExactly(
            StressScenario.REPLAY_1929,
            StressScenario.REPLAY_1966,
            StressScenario.REPLAY_1973,
            StressScenario.REPLAY_2000,
            StressScenario.REPLAY_2008,
            StressScenario.EQUITIES_DOWN_30_RATES_UP_2,
            StressScenario.EQUITIES_DOWN_50_INFLATION_UP_3,
            StressScenario.LOST_DECADE);
    assertThat(REPORT.retirement().fromAge()).isEqualTo(65);
    assertThat(REPORT.retirement().untilAge()).isEqualTo(95);
    assertThat(REPORT.retirement().annualSpending()).isEqualTo(3_500 * 12.0);
    assertThat(outcome(StressScenario.REPLAY_1929).historicalYears()).isEqualTo(60);
    assertThat(outcome(StressScenario.REPLAY_1929).simulatedYears()).isZero();
    for (StressOutcome o : REPORT.scenarios()) {
      assertThat(o.successChange())
          .isEqualTo(o.successProbability() - REPORT.asPlanned().successProbability());
    }
  }

  @Test
  void hypotheticalShocksLowerSuccess() {
    double planned = REPORT.asPlanned().successProbability();
    for (StressScenario shock :
        new StressScenario[] {
          StressScenario.EQUITIES_DOWN_30_RATES_UP_2,
          StressScenario.EQUITIES_DOWN_50_INFLATION_UP_3,
          StressScenario.LOST_DECADE
        }) {
      StressOutcome o = outcome(shock);
      assertThat(o.successProbability()).as(shock.name()).isLessThan(planned);
      assertThat(o.historicalYears()).isZero();
      assertThat(o.replayed()).isEmpty();
    }
    assertThat(outcome(StressScenario.EQUITIES_DOWN_50_INFLATION_UP_3).market().depth())
        .isGreaterThan(outcome(StressScenario.EQUITIES_DOWN_30_RATES_UP_2).market().depth());
  }

  @Test
  void aGoalOtherThanRetirementIsStressedToItsDate() {
    PlanSubject house = WhatIfSubjects.houseDeposit();
    StressReport report = StressTest.run(house);
    assertThat(report.retirement()).isNull();
    StressOutcome replay = report.scenarios().get(0);
    assertThat(replay.historicalYears() + replay.simulatedYears())
        .isEqualTo(house.projection().inputs().years());
    assertThat(replay.depletion().runsOut()).isFalse();
  }

  private static StressOutcome outcome(StressScenario scenario) {
    return REPORT.scenarios().stream()
        .filter(o -> o.scenario() == scenario)
        .findFirst()
        .orElseThrow();
  }
}
