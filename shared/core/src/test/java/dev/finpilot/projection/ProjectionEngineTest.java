package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.CapitalMarketAssumptions;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class ProjectionEngineTest {

  private static final ValueBasis TODAY = ValueBasis.TODAYS_DOLLARS;
  private static final ValueBasis NOMINAL = ValueBasis.NOMINAL;
  private static final Allocation ALL_CASH = Allocation.of("0", "0", "1");

  /** A world without risk: cash earns {@code rate}, prices rise by {@code inflation}. */
  static LognormalGenerator riskless(double rate, double inflation) {
    return new LognormalGenerator(
        CapitalMarketAssumptions.builder("riskless")
            .asset(AssetClass.CASH, rate, 0)
            .asset(AssetClass.US_LARGE_CAP, 0.10, 0)
            .inflation(inflation, 0)
            .build());
  }

  private static ProjectionRequest.Builder saver(LognormalGenerator generator) {
    return ProjectionRequest.builder()
        .startingBalance(100_000)
        .allocation(ALL_CASH)
        .startAge(40)
        .years(10)
        .generator(generator)
        .paths(50)
        .seed(1);
  }

  private static void assertAllBandsAt(YearBand band, double expected) {
    Percentage tight = Percentage.withPercentage(1e-10);
    assertThat(band.p10()).isCloseTo(expected, tight);
    assertThat(band.p25()).isCloseTo(expected, tight);
    assertThat(band.p50()).isCloseTo(expected, tight);
    assertThat(band.p75()).isCloseTo(expected, tight);
    assertThat(band.p90()).isCloseTo(expected, tight);
  }

  @Test
  void zeroVolatilityNominalGrowthEqualsTheClosedForm() {
    ProjectionResult result =
        ProjectionEngine.project(
            saver(riskless(0.05, 0.02))
                .cashFlow(CashFlow.contribution(10_000, 40, 50, NOMINAL))
                .reportIn(NOMINAL)
                .target(0, NOMINAL)
                .build());
    for (int y = 0; y <= 10; y++) {
      double g = Math.pow(1.05, y);
      assertAllBandsAt(result.bands().get(y), 100_000 * g + 10_000 * (g - 1) / 0.05);
    }
    assertThat(result.bands()).hasSize(11);
    assertThat(result.finalBand().age()).isEqualTo(50);
    assertThat(result.successProbability()).isEqualTo(1.0);
    assertThat(result.shortfall().probability()).isZero();
    assertThat(result.shortfall().median()).isZero();
    assertThat(result.shortfall().medianDepletionYear()).isEmpty();
  }

  @Test
  void todaysDollarsGrowAtTheRealRateAndReportNominallyWhenAsked() {
    ProjectionRequest real =
        saver(riskless(0.05, 0.02)).cashFlow(CashFlow.contribution(10_000, 40, 50, TODAY)).build();
    ProjectionResult inToday = ProjectionEngine.project(real);
    ProjectionResult inNominal =
        ProjectionEngine.project(real.toBuilder().reportIn(NOMINAL).build());
    double g = 1.05 / 1.02;
    for (int y = 0; y <= 10; y++) {
      double gy = Math.pow(g, y);
      double realWealth = 100_000 * gy + 10_000 * (gy - 1) / (g - 1);
      assertAllBandsAt(inToday.bands().get(y), realWealth);
      assertAllBandsAt(inNominal.bands().get(y), realWealth * Math.pow(1.02, y));
    }
    assertThat(inToday.reportBasis()).isEqualTo(TODAY);
    assertThat(inNominal.reportBasis()).isEqualTo(NOMINAL);
  }

  @Test
  void monthlyStepsCompoundToTheAnnualRateWithMonthEndContributions() {
    ProjectionResult result =
        ProjectionEngine.project(
            saver(riskless(0.05, 0))
                .frequency(StepFrequency.MONTHLY)
                .cashFlow(CashFlow.contribution(12_000, 40, 50, NOMINAL))
                .reportIn(NOMINAL)
                .build());
    double m = Math.pow(1.05, 1.0 / 12);
    double months = Math.pow(m, 120);
    assertAllBandsAt(result.finalBand(), 100_000 * months + 1_000 * (months - 1) / (m - 1));
    assertThat(result.frequency()).isEqualTo(StepFrequency.MONTHLY);
  }

  @Test
  void startOfYearWithdrawalsFromIdleCashDepleteInTheRightYear() {
    ProjectionResult result =
        ProjectionEngine.project(
            saver(riskless(0, 0))
                .startAge(60)
                .cashFlow(CashFlow.withdrawal(30_000, 60, 120, TODAY))
                .build());
    // 100k -> 70k -> 40k -> 10k; the fourth withdrawal (age 63) cannot be paid in full.
    assertAllBandsAt(result.bands().get(3), 10_000);
    assertThat(result.bands().get(4).p50()).isZero();
    assertThat(result.bands().get(3).depletedProbability()).isZero();
    assertThat(result.bands().get(4).depletedProbability()).isEqualTo(1.0);
    assertThat(result.successProbability()).isZero();
    Shortfall shortfall = result.shortfall();
    assertThat(shortfall.probability()).isEqualTo(1.0);
    assertThat(shortfall.depletionProbability()).isEqualTo(1.0);
    assertThat(shortfall.medianDepletionYear()).isEqualTo(OptionalInt.of(4));
    assertThat(shortfall.medianDepletionAge()).isEqualTo(OptionalInt.of(63));
    // Unpaid: 20k at 63, then 30k a year for ages 64-69.
    assertThat(shortfall.median()).isCloseTo(200_000, within(1e-6));
    assertThat(shortfall.mean()).isCloseTo(200_000, within(1e-6));
  }

  @Test
  void monthlyWithdrawalsDepleteWithinTheYearTheMoneyRunsOut() {
    ProjectionResult result =
        ProjectionEngine.project(
            saver(riskless(0, 0))
                .frequency(StepFrequency.MONTHLY)
                .cashFlow(CashFlow.withdrawal(36_000, 40, 120, TODAY))
                .years(4)
                .build());
    // 3,000 a month from 100,000 lasts 33 months and a third: the money runs out in year 3.
    assertThat(result.bands().get(2).p50()).isCloseTo(28_000, within(1e-6));
    assertThat(result.shortfall().medianDepletionYear()).isEqualTo(OptionalInt.of(3));
    assertThat(result.shortfall().median()).isCloseTo(44_000, within(1e-6));
  }

  @Test
  void successNeedsTheTargetReachedAndTheShortfallIsTheGap() {
    ProjectionRequest request =
        saver(riskless(0.05, 0.02)).reportIn(NOMINAL).target(0, NOMINAL).build();
    double fv = 100_000 * Math.pow(1.05, 10);
    ProjectionResult reached =
        ProjectionEngine.project(request.toBuilder().target(fv - 1, NOMINAL).build());
    assertThat(reached.successProbability()).isEqualTo(1.0);
    ProjectionResult missed =
        ProjectionEngine.project(request.toBuilder().target(fv + 500, NOMINAL).build());
    assertThat(missed.successProbability()).isZero();
    assertThat(missed.shortfall().median()).isCloseTo(500, within(1e-6));
    assertThat(missed.shortfall().depletionProbability()).isZero();
    // A target in today's dollars is grown by inflation before the comparison ...
    double todaysTarget = fv / Math.pow(1.02, 10) + 100;
    ProjectionResult real =
        ProjectionEngine.project(request.toBuilder().target(todaysTarget, TODAY).build());
    assertThat(real.successProbability()).isZero();
    // ... and its gap is reported in the result's (nominal) basis.
    assertThat(real.shortfall().median()).isCloseTo(100 * Math.pow(1.02, 10), within(1e-6));
    ProjectionResult gapInToday =
        ProjectionEngine.project(
            request.toBuilder().target(fv + 500, NOMINAL).reportIn(TODAY).build());
    assertThat(gapInToday.shortfall().median()).isCloseTo(500 / Math.pow(1.02, 10), within(1e-6));
  }

  @Test
  void glidePathRebalancesToEachAgesTarget() {
    GlidePath path =
        new GlidePath(
            List.of(
                new GlidePath.Point(0, Allocation.of("1", "0", "0")),
                new GlidePath.Point(50, ALL_CASH)));
    ProjectionResult result =
        ProjectionEngine.project(
            saver(riskless(0, 0)).startAge(48).years(4).glidePath(path).build());
    // Ages 48 and 49 in stocks at +10%, then cash at 0%.
    assertAllBandsAt(result.bands().get(2), 121_000);
    assertAllBandsAt(result.finalBand(), 121_000);
  }

  @Test
  void weightsThatSumJustUnderOneAreRenormalised() {
    Allocation almost =
        new Allocation(
            Map.of(
                AssetClass.CASH, new BigDecimal("0.49995"),
                AssetClass.US_LARGE_CAP, new BigDecimal("0.5")));
    ProjectionResult result =
        ProjectionEngine.project(saver(riskless(0, 0)).years(1).allocation(almost).build());
    double stockShare = 0.5 / 0.99995;
    assertAllBandsAt(result.finalBand(), 100_000 * (1 + 0.10 * stockShare));
  }

  @Test
  void theSameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
    ProjectionRequest request =
        ProjectionRequest.builder()
            .startingBalance(500_000)
            .allocation(Allocation.of("0.6", "0.4", "0"))
            .startAge(60)
            .years(30)
            .cashFlow(CashFlow.withdrawal(25_000, 65, 120, TODAY))
            .generator(LognormalGenerator.fitted())
            .paths(2_000)
            .seed(7)
            .build();
    ProjectionResult first = ProjectionEngine.project(request);
    assertThat(ProjectionEngine.project(request)).isEqualTo(first);
    ProjectionResult other = ProjectionEngine.project(request.toBuilder().seed(8).build());
    assertThat(other.finalBand().p50()).isNotEqualTo(first.finalBand().p50());
    assertThat(first.seed()).isEqualTo(7);
    assertThat(first.paths()).isEqualTo(2_000);
    assertThat(first.model()).contains("lognormal").contains("damodaran-2026-01");
    assertThat(first.cycles()).isEmpty();
    assertThat(first.cycle(1966)).isEmpty();
  }

  @Test
  void everyInvalidFieldIsNamed() {
    ProjectionRequest bad =
        new ProjectionRequest(
            -1,
            null,
            130,
            0,
            null,
            Arrays.asList(null, new CashFlow(null, Double.NaN, 70, 60, null)),
            Double.POSITIVE_INFINITY,
            null,
            null,
            null,
            0,
            1);
    assertThatThrownBy(() -> ProjectionEngine.project(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "startingBalance",
                        "glidePath",
                        "startAge",
                        "years",
                        "frequency",
                        "cashFlows[0]",
                        "cashFlows[1].direction",
                        "cashFlows[1].basis",
                        "cashFlows[1].annualAmount",
                        "cashFlows[1].untilAge",
                        "targetAmount",
                        "targetBasis",
                        "reportBasis",
                        "generator",
                        "paths"));
  }

  @Test
  void generatorsNameWhatTheyCannotServe() {
    ProjectionRequest.Builder base =
        ProjectionRequest.builder()
            .startingBalance(1)
            .allocation(Allocation.of("0.5", "0.5", "0"))
            .startAge(30)
            .years(99)
            .seed(1);
    assertThatThrownBy(
            () ->
                ProjectionEngine.project(
                    base.frequency(StepFrequency.MONTHLY)
                        .generator(RollingWindowGenerator.embedded())
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("frequency", "years"));
    assertThatThrownBy(
            () ->
                ProjectionEngine.project(
                    base.years(10)
                        .frequency(StepFrequency.MONTHLY)
                        .generator(BootstrapGenerator.embedded())
                        .build()))
        .hasMessageContaining("frequency: the bootstrap uses annual historical data");
    assertThatThrownBy(
            () ->
                ProjectionEngine.project(
                    base.years(10)
                        .frequency(StepFrequency.ANNUAL)
                        .generator(riskless(0.01, 0))
                        .build()))
        .hasMessageContaining("glidePath: no capital-market assumption for TREASURY_BOND");
  }

  @Test
  void theBuilderDemandsASeedAndDefaultsToTheBootstrap() {
    ProjectionRequest.Builder noSeed =
        ProjectionRequest.builder().startingBalance(1).allocation(ALL_CASH).years(1);
    assertThatThrownBy(noSeed::build).hasMessageContaining("seed: is required");
    ProjectionRequest request = noSeed.seed(3).build();
    assertThat(request.generator()).isInstanceOf(BootstrapGenerator.class);
    assertThat(request.paths()).isEqualTo(ProjectionRequest.DEFAULT_PATHS);
    assertThat(request.frequency()).isEqualTo(StepFrequency.ANNUAL);
    assertThat(request.reportBasis()).isEqualTo(TODAY);
    assertThat(request.toBuilder().build()).isEqualTo(request);
    assertThat(request.glidePath().allocationAt(99)).isEqualTo(ALL_CASH);
  }
}
