package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.CapitalMarketAssumptions;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.ReturnGenerator.PathSampler;
import dev.finpilot.projection.ReturnGenerator.PathSpec;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReturnGeneratorTest {

  private static final HistoricalReturns DATA = HistoricalReturns.embedded();
  private static final List<AssetClass> STOCKS_BONDS =
      List.of(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND);

  @Test
  void bootstrapOnlyEverReplaysWholeHistoricalYears() {
    Map<List<Double>, Integer> yearOf = new HashMap<>();
    for (int year = DATA.firstYear(); year <= DATA.lastYear(); year++) {
      yearOf.put(
          List.of(
              1 + DATA.returnOf(AssetClass.US_LARGE_CAP, year),
              1 + DATA.returnOf(AssetClass.TREASURY_BOND, year),
              1 + DATA.inflationOf(year)),
          year);
    }
    PathSampler sampler =
        BootstrapGenerator.embedded().sampler(new PathSpec(STOCKS_BONDS, 40, 1, false));
    double[] growth = new double[80];
    double[] inflation = new double[40];
    SplittableRandom random = new SplittableRandom(1);
    Set<Integer> seen = new HashSet<>();
    for (int p = 0; p < 500; p++) {
      sampler.fill(p, random, growth, inflation);
      for (int t = 0; t < 40; t++) {
        Integer year = yearOf.get(List.of(growth[t], growth[40 + t], inflation[t]));
        assertThat(year).as("path %d step %d is a real calendar year", p, t).isNotNull();
        seen.add(year);
      }
    }
    // 20,000 draws from 98 years: every year turns up.
    assertThat(seen).hasSize(98);
  }

  @Test
  void bootstrapInRealTermsDeflatesByTheSameYearsCpi() {
    PathSampler sampler =
        BootstrapGenerator.embedded().sampler(new PathSpec(List.of(AssetClass.CASH), 5, 1, true));
    Set<Double> realCash = new HashSet<>();
    for (int year = DATA.firstYear(); year <= DATA.lastYear(); year++) {
      realCash.add((1 + DATA.returnOf(AssetClass.CASH, year)) / (1 + DATA.inflationOf(year)));
    }
    double[] growth = new double[5];
    double[] inflation = new double[5];
    sampler.fill(0, new SplittableRandom(2), growth, inflation);
    for (int t = 0; t < 5; t++) {
      assertThat(realCash).contains(growth[t]);
      assertThat(inflation[t]).isEqualTo(1.0);
    }
  }

  @Test
  void bootstrapEndToEndReportsOnlyHistoricalOutcomes() {
    ProjectionResult result =
        ProjectionEngine.project(
            ProjectionRequest.builder()
                .startingBalance(1_000)
                .allocation(Allocation.of("1", "0", "0"))
                .startAge(30)
                .years(1)
                .reportIn(ValueBasis.NOMINAL)
                .target(0, ValueBasis.NOMINAL)
                .generator(BootstrapGenerator.embedded())
                .paths(1_000)
                .seed(3)
                .build());
    Set<Double> outcomes =
        Arrays.stream(DATA.returns(AssetClass.US_LARGE_CAP))
            .mapToObj(r -> 1_000 * (1 + r))
            .collect(Collectors.toSet());
    YearBand band = result.finalBand();
    assertThat(List.of(band.p10(), band.p25(), band.p50(), band.p75(), band.p90()))
        .allSatisfy(v -> assertThat(outcomes).contains(v));
    assertThat(result.model()).contains("bootstrap").contains("damodaran-2026-01");
  }

  @Test
  void uniformIndexIsUnbiasedAndInRange() {
    long bound = 98;
    long threshold = (1L << 32) % bound;
    int[] counts = new int[98];
    SplittableRandom random = new SplittableRandom(4);
    int n = 980_000;
    for (int i = 0; i < n; i++) {
      long bits = Integer.toUnsignedLong(random.nextInt());
      counts[BootstrapGenerator.uniformIndex(bits, random, bound, threshold)]++;
    }
    for (int c : counts) {
      assertThat((double) c).isCloseTo(10_000, within(5 * Math.sqrt(10_000)));
    }
    // The only rejected inputs are the few whose low product bits fall under the threshold.
    long rejected = 0;
    assertThat(threshold).isEqualTo(4_294_967_296L % 98);
    int fresh =
        BootstrapGenerator.uniformIndex(rejected, new SplittableRandom(1), bound, threshold);
    assertThat(fresh).isBetween(0, 97);
  }

  private static ProjectionRequest.Builder retiree(double withdrawalRate, AssetClass bonds) {
    return ProjectionRequest.builder()
        .startingBalance(1_000_000)
        .allocation(
            new Allocation(
                Map.of(
                    AssetClass.US_LARGE_CAP, new BigDecimal("0.5"), bonds, new BigDecimal("0.5"))))
        .startAge(65)
        .years(30)
        .cashFlow(
            CashFlow.withdrawal(withdrawalRate * 1_000_000, 65, 120, ValueBasis.TODAYS_DOLLARS))
        .generator(RollingWindowGenerator.embedded())
        .seed(0);
  }

  @Test
  void trinityStyleBacktestOfTheFourPercentRuleSucceedsInTheHighNineties() {
    // Trinity (1998) used the S&P 500 and long-term corporate bonds: 95% success at 50/50.
    ProjectionResult result =
        ProjectionEngine.project(retiree(0.04, AssetClass.CORPORATE_BOND).build());
    assertThat(result.paths()).isEqualTo(69);
    assertThat(result.cycles())
        .extracting(HistoricalCycle::startYear)
        .startsWith(1928, 1929)
        .endsWith(1996);
    assertThat(result.successProbability()).isEqualTo(67.0 / 69).isGreaterThan(0.95);
    assertThat(result.cycles().stream().filter(c -> !c.success()))
        .extracting(HistoricalCycle::startYear)
        .containsExactly(1965, 1966);
  }

  @Test
  void withTenYearTreasuriesTheLateSixtiesRetireesRunOut() {
    ProjectionResult result =
        ProjectionEngine.project(retiree(0.04, AssetClass.TREASURY_BOND).build());
    assertThat(result.successProbability()).isEqualTo(64.0 / 69);
    assertThat(result.cycles().stream().filter(c -> !c.success()))
        .extracting(HistoricalCycle::startYear)
        .containsExactly(1964, 1965, 1966, 1968, 1969);
    HistoricalCycle retiredIn1966 = result.cycle(1966).orElseThrow();
    assertThat(retiredIn1966.depletedIn()).hasValue(1990);
    assertThat(retiredIn1966.terminalWealth()).isZero();
    HistoricalCycle retiredIn1982 = result.cycle(1982).orElseThrow();
    assertThat(retiredIn1982.success()).isTrue();
    assertThat(retiredIn1982.depletedIn()).isEmpty();
    assertThat(retiredIn1982.terminalWealth()).isGreaterThan(1_000_000);
    // Failure rises with the withdrawal rate, as in every published backtest.
    double atFivePercent =
        ProjectionEngine.project(retiree(0.05, AssetClass.TREASURY_BOND).build())
            .successProbability();
    assertThat(atFivePercent).isLessThan(result.successProbability());
  }

  @Test
  void rollingWindowsReplayHistoryInOrder() {
    RollingWindowGenerator rolling = RollingWindowGenerator.embedded();
    PathSpec spec = new PathSpec(List.of(AssetClass.GOLD), 3, 1, false);
    assertThat(rolling.pathCount(10_000, 3)).isEqualTo(96);
    assertThat(rolling.startYear(0)).isEqualTo(1928);
    assertThat(rolling.validate(spec)).isEmpty();
    double[] growth = new double[3];
    double[] inflation = new double[3];
    rolling.sampler(spec).fill(1974 - 1928, new SplittableRandom(0), growth, inflation);
    for (int t = 0; t < 3; t++) {
      assertThat(growth[t]).isEqualTo(1 + DATA.returnOf(AssetClass.GOLD, 1974 + t));
      assertThat(inflation[t]).isEqualTo(1 + DATA.inflationOf(1974 + t));
    }
    assertThat(rolling.description()).contains("rolling").contains("1928-2025");
  }

  @Test
  void lognormalFittedToTheDataReproducesItsMeans() {
    LognormalGenerator generator = LognormalGenerator.fitted();
    CapitalMarketAssumptions cma = generator.assumptions();
    PathSampler sampler = generator.sampler(new PathSpec(STOCKS_BONDS, 100, 1, false));
    double[] growth = new double[200];
    double[] inflation = new double[100];
    SplittableRandom random = new SplittableRandom(5);
    int n = 0;
    double stocks = 0;
    double stockLogs = 0;
    double bonds = 0;
    double cpi = 0;
    double cross = 0;
    double stockSq = 0;
    double bondSq = 0;
    double bondLogs = 0;
    for (int p = 0; p < 2_000; p++) {
      sampler.fill(p, random, growth, inflation);
      for (int t = 0; t < 100; t++, n++) {
        double ls = Math.log(growth[t]);
        double lb = Math.log(growth[100 + t]);
        stocks += growth[t] - 1;
        bonds += growth[100 + t] - 1;
        cpi += inflation[t] - 1;
        stockLogs += ls;
        bondLogs += lb;
        cross += ls * lb;
        stockSq += ls * ls;
        bondSq += lb * lb;
      }
    }
    // 200,000 draws: the sampling error of a mean is about 0.05 percentage points.
    assertThat(stocks / n).isCloseTo(mean(DATA.returns(AssetClass.US_LARGE_CAP)), within(0.004));
    assertThat(bonds / n).isCloseTo(mean(DATA.returns(AssetClass.TREASURY_BOND)), within(0.002));
    assertThat(cpi / n).isCloseTo(mean(DATA.inflation()), within(0.002));
    assertThat(stockLogs / n).isCloseTo(cma.logMean(AssetClass.US_LARGE_CAP), within(0.002));
    double ms = stockLogs / n;
    double mb = bondLogs / n;
    double sdS = Math.sqrt(stockSq / n - ms * ms);
    double sdB = Math.sqrt(bondSq / n - mb * mb);
    assertThat(sdS).isCloseTo(cma.logVolatility(AssetClass.US_LARGE_CAP), within(0.002));
    double correlation = (cross / n - ms * mb) / (sdS * sdB);
    assertThat(correlation)
        .isCloseTo(
            cma.correlation(AssetClass.US_LARGE_CAP, AssetClass.TREASURY_BOND), within(0.01));
  }

  @Test
  void twelveMonthlyStepsCompoundToTheAnnualDistribution() {
    LognormalGenerator generator = LognormalGenerator.fitted();
    PathSampler sampler =
        generator.sampler(new PathSpec(List.of(AssetClass.US_LARGE_CAP), 1, 12, true));
    double[] growth = new double[12];
    double[] inflation = new double[12];
    SplittableRandom random = new SplittableRandom(6);
    int n = 100_000;
    double sum = 0;
    double sumSq = 0;
    for (int p = 0; p < n; p++) {
      sampler.fill(p, random, growth, inflation);
      double log = 0;
      for (int t = 0; t < 12; t++) {
        log += Math.log(growth[t]);
        assertThat(inflation[t]).isEqualTo(1.0);
      }
      sum += log;
      sumSq += log * log;
    }
    CapitalMarketAssumptions cma = generator.assumptions();
    double realMean = cma.logMean(AssetClass.US_LARGE_CAP) - cma.inflationLogMean();
    double stock = cma.logVolatility(AssetClass.US_LARGE_CAP);
    double infl = cma.inflationLogVolatility();
    double rho = cma.correlationWithInflation(AssetClass.US_LARGE_CAP);
    double realSd = Math.sqrt(stock * stock + infl * infl - 2 * rho * stock * infl);
    double mean = sum / n;
    assertThat(mean).isCloseTo(realMean, within(0.002));
    assertThat(Math.sqrt(sumSq / n - mean * mean)).isCloseTo(realSd, within(0.002));
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }
}
