package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketReading;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.projection.ReturnGenerator.PathSampler;
import dev.finpilot.projection.ReturnGenerator.PathSpec;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SnapshotGeneratorTest {

  static final List<AssetClass> ASSETS =
      List.of(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND, AssetClass.CASH);

  /** Yields well above the history's means, so every shifted mean is higher. */
  static MarketSnapshot highYields() {
    return MarketSnapshot.currentMarket(
        HistoricalReturns.embedded(),
        MarketReading.of(rateSeries(Rate.DGS3MO, "6.00")),
        MarketReading.of(rateSeries(Rate.DGS10, "7.00")),
        MarketReading.unavailable("offline"));
  }

  static Series rateSeries(Rate rate, String percent) {
    return new Series(
        rate.name(),
        Series.Unit.PERCENT,
        List.of(Observation.of("2026-12-03", percent)),
        "yahoo-finance",
        Instant.parse("2026-12-04T00:00:00Z"),
        Provenance.LIVE);
  }

  private static double[][] draw(ReturnGenerator generator, boolean real) {
    PathSampler sampler = generator.sampler(new PathSpec(ASSETS, 30, 1, real));
    double[] growth = new double[90];
    double[] inflation = new double[30];
    sampler.fill(0, new SplittableRandom(42), growth, inflation);
    return new double[][] {growth, inflation};
  }

  @Test
  void theHistoricalSnapshotGivesExactlyTheEmbeddedBootstrap() {
    BootstrapGenerator generator = BootstrapGenerator.of(MarketSnapshot.historical());
    assertThat(generator.description()).isEqualTo(BootstrapGenerator.embedded().description());
    for (boolean real : new boolean[] {false, true}) {
      assertThat(draw(generator, real)).isDeepEqualTo(draw(BootstrapGenerator.embedded(), real));
    }
  }

  @Test
  void aShiftedBootstrapDrawsTheSameYearsWithEachClassMovedToTheSnapshotsMean() {
    MarketSnapshot snapshot = highYields();
    MarketSnapshot history = MarketSnapshot.historical();
    double[][] shifted = draw(BootstrapGenerator.of(snapshot), false);
    double[][] plain = draw(BootstrapGenerator.embedded(), false);
    for (int a = 0; a < ASSETS.size(); a++) {
      AssetClass c = ASSETS.get(a);
      double shift = snapshot.assumptions().mean(c) - history.assumptions().mean(c);
      assertThat(shift).isPositive();
      for (int t = 0; t < 30; t++) {
        assertThat(shifted[0][a * 30 + t] - plain[0][a * 30 + t]).isCloseTo(shift, within(1e-12));
      }
    }
    assertThat(shifted[1]).isEqualTo(plain[1]);
    assertThat(BootstrapGenerator.of(snapshot).description())
        .isEqualTo(
            BootstrapGenerator.embedded().description()
                + ", means of market snapshot "
                + snapshot.id());
  }

  @Test
  void higherMeansProjectHigherWealthOnTheSameDraws() {
    ProjectionRequest.Builder base =
        ProjectionRequest.builder()
            .startingBalance(100_000)
            .years(30)
            .paths(2_000)
            .seed(7)
            .allocation(Allocation.of("0.6", "0.4", "0"));
    ProjectionResult historical =
        ProjectionEngine.project(base.generator(BootstrapGenerator.embedded()).build());
    ProjectionResult current =
        ProjectionEngine.project(base.generator(BootstrapGenerator.of(highYields())).build());
    assertThat(current.finalBand().p50()).isGreaterThan(historical.finalBand().p50());
    assertThat(current.finalBand().p10()).isGreaterThan(historical.finalBand().p10());
  }

  @Test
  void theLognormalGeneratorTakesTheSnapshotsAssumptions() {
    MarketSnapshot snapshot = highYields();
    LognormalGenerator generator = LognormalGenerator.of(snapshot);
    assertThat(generator.assumptions().arithmeticMean(AssetClass.CASH))
        .isCloseTo(0.06, within(1e-12));
    assertThat(generator.description()).contains("means from DGS3MO, DGS10");
  }

  @Test
  void aSnapshotOfAnotherEditionCannotBeReplayed() {
    MarketSnapshot h = MarketSnapshot.historical();
    MarketSnapshot other =
        new MarketSnapshot(
            h.id(), h.basis(), h.asOf(), "damodaran-2025-01", h.inputs(), h.assumptions());
    assertThatThrownBy(() -> BootstrapGenerator.of(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("damodaran-2025-01");
  }
}
