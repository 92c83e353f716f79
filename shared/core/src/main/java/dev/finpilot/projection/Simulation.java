package dev.finpilot.projection;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.ReturnGenerator.PathSampler;
import dev.finpilot.projection.ReturnGenerator.PathSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * One projection run over a validated request. Paths are simulated one after another (path-major,
 * state in locals) and each year-end wealth is written into a year-major buffer, so the percentile
 * pass reads each year as one contiguous column.
 *
 * <p>Conventions within a step: the withdrawal leaves at the start, returns apply, inflation
 * accrues, then the contribution arrives at the end. Both move every holding in proportion to its
 * current value; holdings drift with returns and are rebalanced to the target weights at the start
 * of every plan year.
 */
final class Simulation {

  private static final int[] PERCENTILES = {10, 25, 50, 75, 90};

  private final ProjectionRequest request;
  private final PathSpec spec;
  private final int assets;
  private final int years;
  private final int stepsPerYear;
  private final int paths;

  /** Target weight of asset {@code a} in plan year {@code y} at {@code [a * years + y]}. */
  private final double[] weights;

  /** Per-step cash flows: nominal dollars, and today's dollars (to be scaled by inflation). */
  private final double[] withdrawNominal;

  private final double[] withdrawReal;
  private final double[] contributeNominal;
  private final double[] contributeReal;

  private final boolean reportReal;
  private final boolean targetReal;

  /**
   * Whether reported amounts must be divided by the inflation index; false when the generator
   * already works in real terms (index fixed at 1) or the report is nominal.
   */
  private final boolean deflate;

  /** Year-end wealth in the report basis, year by year: {@code [year * paths + path]}. */
  private final double[] wealth;

  private final int[] depletedInYear;
  private final boolean[] succeeded;
  private final double[] shortfalls;
  private int failures;

  private final double[] growth;
  private final double[] inflation;
  private final double[] basketValue;
  private final double[] perBasket;

  /**
   * Kept only by {@link ProjectionEngine#simulate}, else null: the allocation's growth per plan
   * year in the report basis ({@code [year * paths + path]}), and each path's target in the report
   * basis.
   */
  private final double[] marketGrowth;

  private final double[] targets;

  Simulation(ProjectionRequest request, PathSpec spec, boolean keepPaths) {
    this.request = request;
    this.spec = spec;
    this.assets = spec.assets().size();
    this.years = spec.years();
    this.stepsPerYear = spec.stepsPerYear();
    this.paths = request.generator().pathCount(request.paths(), years);
    this.weights = targetWeights(request, spec.assets());
    int steps = spec.steps();
    this.withdrawNominal = new double[steps];
    this.withdrawReal = new double[steps];
    this.contributeNominal = new double[steps];
    this.contributeReal = new double[steps];
    scheduleCashFlows();
    this.reportReal = request.reportBasis() == ValueBasis.TODAYS_DOLLARS;
    this.targetReal = request.targetBasis() == ValueBasis.TODAYS_DOLLARS;
    this.deflate = reportReal && !spec.real();
    this.wealth = new double[years * paths];
    this.depletedInYear = new int[paths];
    this.succeeded = new boolean[paths];
    this.shortfalls = new double[paths];
    this.growth = new double[steps * assets];
    this.inflation = new double[steps];
    this.basketValue = new double[steps];
    this.perBasket = new double[steps];
    this.marketGrowth = keepPaths ? new double[years * paths] : null;
    this.targets = keepPaths ? new double[paths] : null;
  }

  /**
   * Glide-path weights per plan year as doubles, renormalised to sum to exactly one so the 0.01%
   * tolerance of {@link Allocation} cannot leak or create money at each rebalance.
   */
  private static double[] targetWeights(ProjectionRequest request, List<AssetClass> assets) {
    int n = assets.size();
    int years = request.years();
    double[] w = new double[years * n];
    for (int y = 0; y < years; y++) {
      Allocation allocation = request.glidePath().allocationAt(request.startAge() + y);
      double sum = 0;
      for (int a = 0; a < n; a++) {
        double weight = allocation.weight(assets.get(a)).doubleValue();
        w[a * years + y] = weight;
        sum += weight;
      }
      for (int a = 0; a < n; a++) {
        w[a * years + y] /= sum;
      }
    }
    return w;
  }

  private void scheduleCashFlows() {
    for (CashFlow flow : request.cashFlows()) {
      double perStep = flow.annualAmount() / stepsPerYear;
      boolean indexed = flow.basis() == ValueBasis.TODAYS_DOLLARS;
      boolean out = flow.direction() == CashFlow.Direction.WITHDRAWAL;
      double[] target =
          out
              ? (indexed ? withdrawReal : withdrawNominal)
              : (indexed ? contributeReal : contributeNominal);
      for (int y = 0; y < years; y++) {
        if (flow.activeAt(request.startAge() + y)) {
          for (int s = 0; s < stepsPerYear; s++) {
            target[y * stepsPerYear + s] += perStep;
          }
        }
      }
    }
  }

  ProjectionResult run() {
    PathSampler sampler = request.generator().sampler(spec);
    SplittableRandom random = new SplittableRandom(request.seed());
    for (int p = 0; p < paths; p++) {
      sampler.fill(p, random, growth, inflation);
      basketValues();
      if (marketGrowth != null) {
        recordMarketGrowth(p);
      }
      if (stepsPerYear == 1) {
        simulateAnnualPath(p);
      } else {
        simulateSubannualPath(p);
      }
    }
    return summarise();
  }

  /**
   * Value after each step of a basket worth one dollar at the start of its plan year, invested at
   * that year's target weights ({@code basketValue}), and its reciprocal. Only returns enter, so
   * this runs before the cash flows, asset by asset over all steps, off the wealth's step-to-step
   * dependency chain.
   */
  private void basketValues() {
    Arrays.fill(basketValue, 0);
    int steps = basketValue.length;
    if (stepsPerYear == 1) {
      for (int a = 0; a < assets; a++) {
        int weightRow = a * years;
        int growthRow = a * steps;
        for (int t = 0; t < steps; t++) {
          basketValue[t] += weights[weightRow + t] * growth[growthRow + t];
        }
      }
      return;
    }
    // Each asset's value within a year is a running product, a chain of multiplications: two
    // assets per loop let two chains advance side by side. Same additions in the same order.
    int a = 0;
    for (; a + 1 < assets; a += 2) {
      int t = 0;
      for (int y = 0; y < years; y++) {
        double first = weights[a * years + y];
        double second = weights[(a + 1) * years + y];
        for (int s = 0; s < stepsPerYear; s++, t++) {
          first *= growth[a * steps + t];
          second *= growth[(a + 1) * steps + t];
          basketValue[t] += first;
          basketValue[t] += second;
        }
      }
    }
    if (a < assets) {
      int t = 0;
      for (int y = 0; y < years; y++) {
        double v = weights[a * years + y];
        for (int s = 0; s < stepsPerYear; s++, t++) {
          v *= growth[a * steps + t];
          basketValue[t] += v;
        }
      }
    }
    for (int t = 0; t < steps; t++) {
      perBasket[t] = 1 / basketValue[t];
    }
  }

  /**
   * A basket bought at the start of a plan year is worth its growth over the year at the year's
   * last step; in today's dollars it is deflated by the year's inflation.
   */
  private void recordMarketGrowth(int p) {
    for (int y = 0; y < years; y++) {
      int last = y * stepsPerYear + stepsPerYear - 1;
      double prices = 1;
      if (deflate) {
        for (int t = y * stepsPerYear; t <= last; t++) {
          prices *= inflation[t];
        }
      }
      marketGrowth[y * paths + p] = basketValue[last] / prices;
    }
  }

  /** The paths behind {@code result}; only after {@link #run} on a simulation that kept them. */
  SimulatedPaths paths(ProjectionResult result) {
    return new SimulatedPaths(
        result, request, wealth, marketGrowth, depletedInYear, succeeded, targets);
  }

  /**
   * One step per year: the withdrawal leaves, the rest is rebalanced and grows by the basket's
   * value, and the contribution arrives at the end: {@code w = (w - out) * basket + in}. It is
   * evaluated as {@code w * basket + (in - out * basket)}, so only one multiplication and one
   * addition wait on the previous year's wealth.
   */
  private void simulateAnnualPath(int p) {
    double w = request.startingBalance();
    double index = 1;
    double unfunded = 0;
    int depleted = -1;
    for (int y = 0; y < years; y++) {
      double out = withdrawNominal[y] + withdrawReal[y] * index;
      if (out > w) {
        if (depleted < 0) {
          depleted = y;
        }
        unfunded += deflate ? (out - w) / index : out - w;
        out = w;
      }
      double growth = basketValue[y];
      index *= inflation[y];
      double in = contributeNominal[y] + contributeReal[y] * index;
      w = w * growth + (in - out * growth);
      wealth[y * paths + p] = deflate ? w / index : w;
    }
    finishPath(p, w, index, unfunded, depleted);
  }

  /**
   * Several steps per year: the portfolio is held as {@code baskets} baskets bought at the start of
   * the year, so the holdings drift with returns until the next year's rebalance. A withdrawal or
   * contribution buys or sells baskets at the current basket value, which moves every holding in
   * proportion; the division by the basket value was done in {@link #basketValues}, so each step
   * costs a few additions.
   */
  private void simulateSubannualPath(int p) {
    double w = request.startingBalance();
    double index = 1;
    double unfunded = 0;
    int depleted = -1;
    int t = 0;
    for (int y = 0; y < years; y++) {
      double baskets = w;
      double valueBefore = 1;
      double perBasketBefore = 1;
      for (int s = 0; s < stepsPerYear; s++, t++) {
        double out = withdrawNominal[t] + withdrawReal[t] * index;
        if (out > 0) {
          double value = baskets * valueBefore;
          if (out > value) {
            if (depleted < 0) {
              depleted = y;
            }
            unfunded += deflate ? (out - value) / index : out - value;
            baskets = 0;
          } else {
            baskets -= out * perBasketBefore;
          }
        }
        index *= inflation[t];
        double in = contributeNominal[t] + contributeReal[t] * index;
        if (in > 0) {
          baskets += in * perBasket[t];
        }
        valueBefore = basketValue[t];
        perBasketBefore = perBasket[t];
      }
      // Rounding can leave a fully withdrawn portfolio an ulp below zero.
      w = Math.max(0, baskets * valueBefore);
      wealth[y * paths + p] = deflate ? w / index : w;
    }
    finishPath(p, w, index, unfunded, depleted);
  }

  /** Records the path's depletion, success against the target, and shortfall. */
  private void finishPath(int p, double w, double index, double unfunded, int depleted) {
    depletedInYear[p] = depleted;
    double terminal = targetReal ? w / index : w;
    double target = request.targetAmount();
    boolean success = depleted < 0 && terminal >= target;
    succeeded[p] = success;
    if (targets != null) {
      targets[p] = targetReal == reportReal ? target : reportReal ? target / index : target * index;
    }
    if (!success) {
      double gap = Math.max(0, target - terminal);
      double gapReported = targetReal == reportReal ? gap : reportReal ? gap / index : gap * index;
      shortfalls[failures++] = gapReported + unfunded;
    }
  }

  private ProjectionResult summarise() {
    int[] depletedBy = new int[years];
    int depletedPaths = 0;
    for (int p = 0; p < paths; p++) {
      if (depletedInYear[p] >= 0) {
        depletedBy[depletedInYear[p]]++;
        depletedPaths++;
      }
    }
    for (int y = 1; y < years; y++) {
      depletedBy[y] += depletedBy[y - 1];
    }
    OrderStatistics stats = new OrderStatistics(paths, PERCENTILES.length);
    int[] ranks = new int[PERCENTILES.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = OrderStatistics.percentileRank(PERCENTILES[i], paths);
    }
    double[] q = new double[PERCENTILES.length];
    List<YearBand> bands = new ArrayList<>(years + 1);
    double start = request.startingBalance();
    bands.add(new YearBand(0, request.startAge(), start, start, start, start, start, 0));
    for (int y = 0; y < years; y++) {
      stats.select(wealth, y * paths, paths, ranks, q);
      bands.add(
          new YearBand(
              y + 1,
              request.startAge() + y + 1,
              q[0],
              q[1],
              q[2],
              q[3],
              q[4],
              (double) depletedBy[y] / paths));
    }
    return new ProjectionResult(
        request.generator().description(),
        request.seed(),
        paths,
        years,
        request.frequency(),
        request.reportBasis(),
        (double) (paths - failures) / paths,
        bands,
        shortfall(stats, depletedBy, depletedPaths),
        cycles());
  }

  private Shortfall shortfall(OrderStatistics stats, int[] depletedBy, int depletedPaths) {
    double median = 0;
    double mean = 0;
    if (failures > 0) {
      double[] m = new double[1];
      stats.select(
          shortfalls, failures, new int[] {OrderStatistics.percentileRank(50, failures)}, m);
      median = m[0];
      double sum = 0;
      for (int i = 0; i < failures; i++) {
        sum += shortfalls[i];
      }
      mean = sum / failures;
    }
    OptionalInt medianYear = OptionalInt.empty();
    OptionalInt medianAge = OptionalInt.empty();
    if (depletedPaths > 0) {
      int half = OrderStatistics.percentileRank(50, depletedPaths) + 1;
      int y = 0;
      while (depletedBy[y] < half) {
        y++;
      }
      medianYear = OptionalInt.of(y + 1);
      medianAge = OptionalInt.of(request.startAge() + y);
    }
    return new Shortfall(
        (double) failures / paths,
        median,
        mean,
        (double) depletedPaths / paths,
        medianYear,
        medianAge);
  }

  private List<HistoricalCycle> cycles() {
    if (!(request.generator() instanceof RollingWindowGenerator rolling)) {
      return List.of();
    }
    List<HistoricalCycle> cycles = new ArrayList<>(paths);
    for (int p = 0; p < paths; p++) {
      int startYear = rolling.startYear(p);
      int depleted = depletedInYear[p];
      cycles.add(
          new HistoricalCycle(
              startYear,
              succeeded[p],
              wealth[(years - 1) * paths + p],
              depleted < 0 ? OptionalInt.empty() : OptionalInt.of(startYear + depleted)));
    }
    return cycles;
  }
}
