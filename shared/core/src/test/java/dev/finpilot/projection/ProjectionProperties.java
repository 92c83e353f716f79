package dev.finpilot.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.ValueBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Offset;

class ProjectionProperties {

  private static final List<ReturnGenerator> GENERATORS =
      List.of(
          BootstrapGenerator.embedded(),
          LognormalGenerator.fitted(),
          RollingWindowGenerator.embedded());

  /** Who the investor is and what they do with their money. */
  record Household(
      double balance,
      int startAge,
      int years,
      double contribution,
      int retireAfter,
      double spending,
      double target,
      double equity) {}

  /** How the projection is run. */
  record Setup(int generator, boolean monthly, ValueBasis flows, ValueBasis report, long seed) {}

  @Provide
  Arbitrary<ProjectionRequest> requests() {
    Arbitrary<Household> household =
        Combinators.combine(
                Arbitraries.doubles().between(0, 2_000_000),
                Arbitraries.integers().between(20, 70),
                Arbitraries.integers().between(1, 40),
                Arbitraries.doubles().between(0, 50_000),
                Arbitraries.integers().between(0, 40),
                Arbitraries.doubles().between(0, 150_000),
                Arbitraries.doubles().between(0, 3_000_000),
                Arbitraries.integers().between(0, 100).map(p -> p / 100.0))
            .as(Household::new);
    Arbitrary<Setup> setup =
        Combinators.combine(
                Arbitraries.integers().between(0, GENERATORS.size() - 1),
                Arbitraries.of(true, false),
                Arbitraries.of(ValueBasis.class),
                Arbitraries.of(ValueBasis.class),
                Arbitraries.longs())
            .as(Setup::new);
    return Combinators.combine(household, setup).as(ProjectionProperties::request);
  }

  private static ProjectionRequest request(Household h, Setup s) {
    int retirementAge = h.startAge() + h.retireAfter();
    ReturnGenerator generator = GENERATORS.get(s.generator());
    boolean monthly = s.monthly() && generator instanceof LognormalGenerator;
    return ProjectionRequest.builder()
        .startingBalance(h.balance())
        .allocation(stocksAndBonds(h.equity()))
        .startAge(h.startAge())
        .years(h.years())
        .frequency(monthly ? StepFrequency.MONTHLY : StepFrequency.ANNUAL)
        .cashFlow(
            CashFlow.contribution(h.contribution(), h.startAge(), retirementAge + 1, s.flows()))
        .cashFlow(CashFlow.withdrawal(h.spending(), retirementAge, 130, s.flows()))
        .target(h.target(), s.flows())
        .reportIn(s.report())
        .generator(generator)
        .paths(300)
        .seed(s.seed())
        .build();
  }

  private static Allocation stocksAndBonds(double equity) {
    BigDecimal stocks = BigDecimal.valueOf(equity).setScale(2, RoundingMode.HALF_EVEN);
    Map<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
    weights.put(AssetClass.US_LARGE_CAP, stocks);
    weights.put(AssetClass.TREASURY_BOND, BigDecimal.ONE.subtract(stocks));
    return new Allocation(weights);
  }

  @Property(tries = 60)
  void percentileBandsAreOrderedEveryYear(@ForAll("requests") ProjectionRequest request) {
    ProjectionResult result = ProjectionEngine.project(request);
    assertThat(result.bands()).hasSize(request.years() + 1);
    double depletedBefore = 0;
    for (YearBand band : result.bands()) {
      assertThat(band.p10()).isGreaterThanOrEqualTo(0);
      assertThat(band.p10()).isLessThanOrEqualTo(band.p25());
      assertThat(band.p25()).isLessThanOrEqualTo(band.p50());
      assertThat(band.p50()).isLessThanOrEqualTo(band.p75());
      assertThat(band.p75()).isLessThanOrEqualTo(band.p90());
      assertThat(band.depletedProbability()).isGreaterThanOrEqualTo(depletedBefore);
      depletedBefore = band.depletedProbability();
    }
    assertThat(result.successProbability()).isBetween(0.0, 1.0);
    assertThat(result.successProbability() + result.shortfall().probability())
        .isCloseTo(1.0, Offset.offset(1e-12));
    assertThat(result.shortfall().depletionProbability()).isEqualTo(depletedBefore);
  }

  @Property(tries = 60)
  void contributingMoreNeverLowersTheSuccessProbability(
      @ForAll("requests") ProjectionRequest request,
      @ForAll @DoubleRange(min = 0, max = 40_000) double extra) {
    ProjectionRequest more =
        request.toBuilder()
            .cashFlow(
                CashFlow.contribution(
                    extra,
                    request.startAge(),
                    request.startAge() + request.years(),
                    ValueBasis.TODAYS_DOLLARS))
            .build();
    ProjectionResult base = ProjectionEngine.project(request);
    ProjectionResult richer = ProjectionEngine.project(more);
    assertThat(richer.successProbability()).isGreaterThanOrEqualTo(base.successProbability());
    for (int y = 0; y < base.bands().size(); y++) {
      assertThat(richer.bands().get(y).p50()).isGreaterThanOrEqualTo(base.bands().get(y).p50());
    }
  }

  @Property(tries = 40)
  void theSameSeedGivesIdenticalResults(@ForAll("requests") ProjectionRequest request) {
    assertThat(ProjectionEngine.project(request)).isEqualTo(ProjectionEngine.project(request));
  }

  @Property(tries = 200)
  void orderStatisticsAgreeWithSorting(
      @ForAll @Size(min = 1, max = 3_000) List<@DoubleRange(min = 0, max = 1e13) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1) double zeroShare) {
    double[] column = new double[values.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = i < zeroShare * column.length ? 0 : values.get(i);
    }
    double[] sorted = column.clone();
    Arrays.sort(sorted);
    int[] pcts = {10, 25, 50, 75, 90};
    int[] ranks = new int[pcts.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = OrderStatistics.percentileRank(pcts[i], column.length);
    }
    double[] out = new double[ranks.length];
    new OrderStatistics(column.length, ranks.length).select(column, column.length, ranks, out);
    for (int i = 0; i < ranks.length; i++) {
      assertThat(out[i]).isEqualTo(sorted[ranks[i]]);
    }
  }
}
