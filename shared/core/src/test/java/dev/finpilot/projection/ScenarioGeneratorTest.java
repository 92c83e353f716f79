package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.ReturnGenerator.PathSampler;
import dev.finpilot.projection.ReturnGenerator.PathSpec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

  private static final HistoricalReturns DATA = HistoricalReturns.embedded();
  private static final List<AssetClass> ASSETS =
      List.of(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND, AssetClass.CASH);
  private static final BootstrapGenerator BOOTSTRAP = BootstrapGenerator.embedded();
  private static final int YEARS = 12;

  /** Growth then inflation of paths 0 and 1 drawn from one stream, as the engine draws them. */
  private static double[][] paths(ReturnGenerator generator, int years, boolean real) {
    PathSpec spec = new PathSpec(ASSETS, years, 1, real);
    PathSampler sampler = generator.sampler(spec);
    SplittableRandom random = new SplittableRandom(7);
    double[][] out = new double[4][];
    for (int p = 0; p < 2; p++) {
      double[] growth = new double[ASSETS.size() * years];
      double[] inflation = new double[years];
      sampler.fill(p, random, growth, inflation);
      out[2 * p] = growth;
      out[2 * p + 1] = inflation;
    }
    return out;
  }

  private static double growth(double[][] paths, int path, int asset, int year, int years) {
    return paths[2 * path][asset * years + year];
  }

  @Test
  void withNoScenarioTheBootstrapIsReproducedBitForBitInBothModes() {
    for (boolean real : new boolean[] {true, false}) {
      double[][] plain = paths(BOOTSTRAP, YEARS, real);
      double[][] wrapped = paths(ScenarioGenerator.over(BOOTSTRAP), YEARS, real);
      for (int i = 0; i < plain.length; i++) {
        assertThat(wrapped[i]).containsExactly(plain[i]);
      }
    }
    assertThat(ScenarioGenerator.over(BOOTSTRAP).description()).isEqualTo(BOOTSTRAP.description());
  }

  @Test
  void aFallReplacesTheEquityReturnOfYearOneAndARateRiseCostsBondsDurationTimesTheRise() {
    double[][] plain = paths(BOOTSTRAP, YEARS, false);
    double[][] shocked =
        paths(
            ScenarioGenerator.over(BOOTSTRAP)
                .equitiesInFirstYear(-0.30)
                .ratesRiseInFirstYear(0.02, 8.0),
            YEARS,
            false);
    for (int p = 0; p < 2; p++) {
      assertThat(growth(shocked, p, 0, 0, YEARS)).isEqualTo(0.70);
      assertThat(growth(shocked, p, 1, 0, YEARS)).isEqualTo(growth(plain, p, 1, 0, YEARS) - 0.16);
      assertThat(growth(shocked, p, 2, 0, YEARS)).isEqualTo(growth(plain, p, 2, 0, YEARS));
      for (int a = 0; a < ASSETS.size(); a++) {
        for (int y = 1; y < YEARS; y++) {
          assertThat(growth(shocked, p, a, y, YEARS)).isEqualTo(growth(plain, p, a, y, YEARS));
        }
      }
      assertThat(shocked[2 * p + 1]).containsExactly(plain[2 * p + 1]);
    }
  }

  @Test
  void extraInflationLowersRealReturnsByTheStatedFormula() {
    double[][] nominal = paths(BOOTSTRAP, YEARS, false);
    double[][] real = paths(ScenarioGenerator.over(BOOTSTRAP).extraInflation(0.02), YEARS, true);
    for (int a = 0; a < ASSETS.size(); a++) {
      for (int y = 0; y < YEARS; y++) {
        double expected = growth(nominal, 0, a, y, YEARS) / (nominal[1][y] + 0.02);
        assertThat(growth(real, 0, a, y, YEARS)).isCloseTo(expected, within(1e-15));
      }
    }
    assertThat(real[1]).containsOnly(1.0);
  }

  @Test
  void aLostDecadeGivesEquitiesExactlyZeroRealForTenYears() {
    double[][] real = paths(ScenarioGenerator.over(BOOTSTRAP).zeroRealEquities(10), YEARS, true);
    double[][] plain = paths(BOOTSTRAP, YEARS, true);
    for (int y = 0; y < 10; y++) {
      assertThat(growth(real, 0, 0, y, YEARS)).isEqualTo(1.0);
    }
    assertThat(growth(real, 0, 0, 10, YEARS)).isEqualTo(growth(plain, 0, 0, 10, YEARS));
    assertThat(growth(real, 0, 1, 0, YEARS)).isEqualTo(growth(plain, 0, 1, 0, YEARS));
  }

  @Test
  void aReplayTakesTheDataSetsYearsThenTheGeneratorsDraws() {
    ScenarioGenerator replay = ScenarioGenerator.over(BOOTSTRAP).replaying(DATA, 2020);
    assertThat(replay.historicalYears(YEARS)).isEqualTo(6);
    assertThat(replay.historicalYears(3)).isEqualTo(3);
    double[][] replayed = paths(replay, YEARS, false);
    double[][] plain = paths(BOOTSTRAP, YEARS, false);
    for (int p = 0; p < 2; p++) {
      for (int y = 0; y < 6; y++) {
        for (int a = 0; a < ASSETS.size(); a++) {
          assertThat(growth(replayed, p, a, y, YEARS))
              .isEqualTo(1 + DATA.returnOf(ASSETS.get(a), 2020 + y));
        }
        assertThat(replayed[2 * p + 1][y]).isEqualTo(1 + DATA.inflationOf(2020 + y));
      }
      for (int y = 6; y < YEARS; y++) {
        assertThat(growth(replayed, p, 0, y, YEARS)).isEqualTo(growth(plain, p, 0, y, YEARS));
      }
    }
    assertThat(replay.description()).endsWith("scenario: history from 2020 (damodaran-2026-01)");
    assertThat(ScenarioGenerator.over(BOOTSTRAP).replaying(DATA, 1900).validate(spec(YEARS)))
        .extracting(e -> e.field())
        .containsExactly("scenario.startYear");
  }

  private static PathSpec spec(int years) {
    return new PathSpec(ASSETS, years, 1, true);
  }

  @Test
  void sharedYearsGiveEveryHorizonTheSameMarketsInTheCommonYears() {
    ScenarioGenerator shared = ScenarioGenerator.over(BOOTSTRAP).sharingYears(YEARS, 7);
    double[][] own = paths(BOOTSTRAP, YEARS, true);
    double[][] same = paths(shared, YEARS, true);
    double[][] shorter = paths(shared, 5, true);
    double[][] longer = paths(shared, YEARS + 4, true);
    for (int p = 0; p < 2; p++) {
      assertThat(same[2 * p]).containsExactly(own[2 * p]);
      for (int a = 0; a < ASSETS.size(); a++) {
        for (int y = 0; y < YEARS; y++) {
          double g = growth(own, p, a, y, YEARS);
          assertThat(growth(longer, p, a, y, YEARS + 4)).isEqualTo(g);
          if (y < 5) {
            assertThat(growth(shorter, p, a, y, 5)).isEqualTo(g);
          }
        }
      }
    }
    // The added years are drawn, not copies of the shared ones.
    assertThat(Arrays.copyOfRange(longer[0], YEARS, YEARS + 4))
        .isNotEqualTo(Arrays.copyOfRange(longer[2], YEARS, YEARS + 4));
    assertThat(shared.validate(new PathSpec(ASSETS, YEARS, 12, true)))
        .extracting(e -> e.field())
        .contains("frequency");
  }
}
