package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapitalMarketAssumptionsTest {

  private final CapitalMarketAssumptions fitted =
      CapitalMarketAssumptions.fitted(HistoricalReturns.embedded());

  @Test
  void fittedLogMomentsMatchTheResearchNote() {
    assertThat(fitted.logMean(AssetClass.US_LARGE_CAP)).isCloseTo(0.0955, within(5e-5));
    assertThat(fitted.logVolatility(AssetClass.US_LARGE_CAP)).isCloseTo(0.1887, within(5e-5));
    assertThat(fitted.logMean(AssetClass.TREASURY_BOND)).isCloseTo(0.0443, within(5e-5));
    assertThat(fitted.logVolatility(AssetClass.TREASURY_BOND)).isCloseTo(0.0742, within(5e-5));
    assertThat(fitted.logMean(AssetClass.CASH)).isCloseTo(0.0332, within(5e-5));
    assertThat(fitted.logMean(AssetClass.GOLD)).isCloseTo(0.0546, within(5e-5));
    assertThat(fitted.inflationLogMean()).isCloseTo(0.0299, within(5e-5));
    assertThat(fitted.inflationLogVolatility()).isCloseTo(0.0377, within(5e-5));
    assertThat(fitted.source()).contains("damodaran-2026-01").contains("1928-2025");
  }

  @Test
  void fittedModelImpliesMeansCloseToTheData() {
    // Log moments are matched, so the implied arithmetic mean lands near, not on, history's 11.85%.
    assertThat(fitted.arithmeticMean(AssetClass.US_LARGE_CAP)).isCloseTo(0.1185, within(0.003));
    // History's left skew widens the log returns, so the model's simple-return volatility (21.3%)
    // is above history's 19.4%.
    assertThat(fitted.volatility(AssetClass.US_LARGE_CAP)).isCloseTo(0.2133, within(5e-4));
    assertThat(fitted.arithmeticMean(AssetClass.TREASURY_BOND)).isCloseTo(0.0482, within(0.002));
    assertThat(fitted.inflationMean()).isCloseTo(0.0311, within(0.002));
    assertThat(fitted.inflationVolatility()).isCloseTo(0.039, within(0.003));
  }

  @Test
  void fittedCorrelationsAreThoseOfTheLogReturns() {
    assertThat(fitted.correlation(AssetClass.US_LARGE_CAP, AssetClass.US_LARGE_CAP)).isEqualTo(1);
    assertThat(fitted.correlation(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND))
        .isBetween(-0.1, 0.1);
    assertThat(fitted.correlation(AssetClass.TREASURY_BOND, AssetClass.CORPORATE_BOND))
        .isBetween(0.55, 0.75);
    assertThat(fitted.correlationWithInflation(AssetClass.REAL_ESTATE)).isBetween(0.4, 0.7);
    assertThat(fitted.correlation(AssetClass.GOLD, AssetClass.CASH))
        .isEqualTo(fitted.correlation(AssetClass.CASH, AssetClass.GOLD));
    for (AssetClass a : AssetClass.values()) {
      assertThat(fitted.covers(a)).isTrue();
    }
  }

  @Test
  void covarianceListsTheAssetsInOrderThenInflation() {
    double[][] cov =
        fitted.logCovariance(List.of(AssetClass.TREASURY_BOND, AssetClass.US_LARGE_CAP), true);
    assertThat(cov).hasDimensions(3, 3);
    double bondVol = fitted.logVolatility(AssetClass.TREASURY_BOND);
    assertThat(cov[0][0]).isCloseTo(bondVol * bondVol, within(1e-15));
    assertThat(cov[2][2])
        .isCloseTo(
            fitted.inflationLogVolatility() * fitted.inflationLogVolatility(), within(1e-15));
    assertThat(cov[0][1]).isEqualTo(cov[1][0]);
    assertThat(fitted.logCovariance(List.of(AssetClass.CASH), false)).hasDimensions(1, 1);
  }

  @Test
  void explicitAssumptionsConvertExactlyToLogMoments() {
    CapitalMarketAssumptions cma =
        CapitalMarketAssumptions.builder("house view 2026")
            .asset(AssetClass.US_LARGE_CAP, 0.08, 0.16)
            .asset(AssetClass.TREASURY_BOND, 0.04, 0.06)
            .inflation(0.025, 0.01)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND, 0.1)
            .correlationWithInflation(AssetClass.TREASURY_BOND, -0.2)
            .build();
    assertThat(cma.source()).isEqualTo("house view 2026");
    assertThat(cma.arithmeticMean(AssetClass.US_LARGE_CAP)).isCloseTo(0.08, within(1e-12));
    assertThat(cma.volatility(AssetClass.US_LARGE_CAP)).isCloseTo(0.16, within(1e-12));
    assertThat(cma.inflationMean()).isCloseTo(0.025, within(1e-12));
    assertThat(cma.inflationVolatility()).isCloseTo(0.01, within(1e-12));
    double s2 = Math.log1p(0.16 * 0.16 / (1.08 * 1.08));
    assertThat(cma.logVolatility(AssetClass.US_LARGE_CAP)).isCloseTo(Math.sqrt(s2), within(1e-15));
    assertThat(cma.logMean(AssetClass.US_LARGE_CAP))
        .isCloseTo(Math.log(1.08) - s2 / 2, within(1e-15));
    assertThat(cma.correlation(AssetClass.TREASURY_BOND, AssetClass.US_LARGE_CAP)).isEqualTo(0.1);
    assertThat(cma.correlationWithInflation(AssetClass.TREASURY_BOND)).isEqualTo(-0.2);
    assertThat(cma.correlationWithInflation(AssetClass.US_LARGE_CAP)).isZero();
    assertThat(cma.covers(AssetClass.GOLD)).isFalse();
    assertThatThrownBy(() -> cma.logMean(AssetClass.GOLD))
        .hasMessageContaining("no capital-market assumption for GOLD");
  }

  @Test
  void zeroVolatilityIsAValidAssumption() {
    CapitalMarketAssumptions cash =
        CapitalMarketAssumptions.builder("flat")
            .asset(AssetClass.CASH, 0.05, 0)
            .inflation(0, 0)
            .build();
    assertThat(cash.logVolatility(AssetClass.CASH)).isZero();
    assertThat(cash.logMean(AssetClass.CASH)).isCloseTo(Math.log(1.05), within(1e-15));
  }

  @Test
  void everyInvalidFieldIsReportedAtOnce() {
    CapitalMarketAssumptions.Builder builder =
        CapitalMarketAssumptions.builder("bad")
            .asset(AssetClass.US_LARGE_CAP, -1.5, -0.1)
            .asset(AssetClass.CASH, 0.03, Double.NaN)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.US_LARGE_CAP, 0.5)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.CASH, 1.5)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.GOLD, 0.3);
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "assets.US_LARGE_CAP.arithmeticMean",
                        "assets.US_LARGE_CAP.volatility",
                        "assets.CASH.volatility",
                        "correlation.US_LARGE_CAP.US_LARGE_CAP",
                        "correlation.US_LARGE_CAP.CASH",
                        "inflation",
                        "correlation.US_LARGE_CAP.GOLD"));
  }

  @Test
  void inconsistentCorrelationsAreRefused() {
    CapitalMarketAssumptions.Builder builder =
        CapitalMarketAssumptions.builder("impossible")
            .asset(AssetClass.US_LARGE_CAP, 0.07, 0.15)
            .asset(AssetClass.US_SMALL_CAP, 0.08, 0.2)
            .asset(AssetClass.GOLD, 0.04, 0.15)
            .inflation(0.02, 0.01)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.US_SMALL_CAP, 0.9)
            .correlation(AssetClass.US_LARGE_CAP, AssetClass.GOLD, 0.9)
            .correlation(AssetClass.US_SMALL_CAP, AssetClass.GOLD, -0.9);
    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("correlation: matrix is not positive semidefinite");
  }
}
