package dev.finpilot.projection;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.market.HistoricalReturns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Another generator's paths with a scenario laid over them: the first plan years replayed from
 * history, a shock to equities or bond yields in plan year 1, extra inflation every year, or
 * equities earning nothing real for some years. Everything the scenario does not touch is the
 * underlying generator's own draw, so a path differs from the unstressed one only where the
 * scenario says.
 *
 * <p>Shocks and extra inflation are applied to nominal returns and inflation; in real mode the
 * result is then deflated year by year, {@code (1 + r) / (1 + i)}. Without them the underlying
 * generator is read in the request's own mode, so with no scenario it is reproduced bit for bit.
 *
 * <p>{@link #sharingYears} fixes how many years each path draws from the engine's random stream,
 * whatever the request's horizon: a shorter request uses the first of them, a longer one draws its
 * further years from a second stream of its own. Requests of different horizons then see the same
 * markets in their common years (common random numbers), and a request of exactly that many years
 * sees the markets it would see without the wrapper: the fair way to compare an earlier or later
 * goal date with the version's own projection.
 */
public final class ScenarioGenerator implements ReturnGenerator {

  private final ReturnGenerator base;
  // Set only on a fresh copy inside the scenario methods, before it is returned; never after.
  private int sharedYears;
  private long extensionSeed;
  private HistoricalReturns history;
  private int replayFrom;
  private Double firstYearEquityReturn;
  private double firstYearRateRise;
  private double bondDuration;
  private double extraInflation;
  private int zeroRealEquityYears;

  private ScenarioGenerator(ReturnGenerator base) {
    this.base = base;
  }

  /** {@code base} unchanged: the starting point the scenario methods add to. */
  public static ScenarioGenerator over(ReturnGenerator base) {
    return new ScenarioGenerator(base);
  }

  private ScenarioGenerator copy() {
    ScenarioGenerator c = new ScenarioGenerator(base);
    c.sharedYears = sharedYears;
    c.extensionSeed = extensionSeed;
    c.history = history;
    c.replayFrom = replayFrom;
    c.firstYearEquityReturn = firstYearEquityReturn;
    c.firstYearRateRise = firstYearRateRise;
    c.bondDuration = bondDuration;
    c.extraInflation = extraInflation;
    c.zeroRealEquityYears = zeroRealEquityYears;
    return c;
  }

  /**
   * Every path draws exactly {@code years} years from the engine's stream; years beyond them come
   * from a second stream derived from {@code seed}, path after path.
   */
  public ScenarioGenerator sharingYears(int years, long seed) {
    ScenarioGenerator c = copy();
    c.sharedYears = years;
    c.extensionSeed = seed;
    return c;
  }

  /**
   * Plan year 1 gets calendar year {@code startYear}'s returns and inflation, year 2 the next, and
   * so on while the data lasts; later years are the underlying generator's draws.
   */
  public ScenarioGenerator replaying(HistoricalReturns data, int startYear) {
    ScenarioGenerator c = copy();
    c.history = data;
    c.replayFrom = startYear;
    return c;
  }

  /** Every equity class returns {@code nominalReturn} in plan year 1 (-0.30 for a 30% fall). */
  public ScenarioGenerator equitiesInFirstYear(double nominalReturn) {
    ScenarioGenerator c = copy();
    c.firstYearEquityReturn = nominalReturn;
    return c;
  }

  /**
   * Bond yields rise by {@code rise} (0.02 = two points) at the start of plan year 1: Treasury and
   * corporate bonds lose {@code duration x rise} on top of their drawn return that year.
   */
  public ScenarioGenerator ratesRiseInFirstYear(double rise, double duration) {
    ScenarioGenerator c = copy();
    c.firstYearRateRise = rise;
    c.bondDuration = duration;
    return c;
  }

  /** Inflation {@code points} higher every year (0.02 = two points); nominal returns unchanged. */
  public ScenarioGenerator extraInflation(double points) {
    ScenarioGenerator c = copy();
    c.extraInflation = points;
    return c;
  }

  /** Equities earn exactly inflation (0% real) in the first {@code years} plan years. */
  public ScenarioGenerator zeroRealEquities(int years) {
    ScenarioGenerator c = copy();
    c.zeroRealEquityYears = years;
    return c;
  }

  /** Plan years taken from history in a horizon of {@code years}: 0 when nothing is replayed. */
  public int historicalYears(int years) {
    return history == null ? 0 : Math.max(0, Math.min(years, history.lastYear() - replayFrom + 1));
  }

  @Override
  public String description() {
    List<String> parts = new ArrayList<>();
    if (history != null) {
      parts.add("history from " + replayFrom + " (" + history.edition() + ")");
    }
    if (firstYearEquityReturn != null) {
      parts.add("equities " + percent(firstYearEquityReturn) + " in year 1");
    }
    if (firstYearRateRise != 0) {
      parts.add(
          "bond yields "
              + percent(firstYearRateRise)
              + " in year 1 at duration "
              + String.format(Locale.ROOT, "%.1f", bondDuration));
    }
    if (extraInflation != 0) {
      parts.add("inflation " + percent(extraInflation) + " every year");
    }
    if (zeroRealEquities()) {
      parts.add("equities 0% real for " + zeroRealEquityYears + " years");
    }
    return parts.isEmpty()
        ? base.description()
        : base.description() + "; scenario: " + String.join(", ", parts);
  }

  private boolean zeroRealEquities() {
    return zeroRealEquityYears > 0;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
  }

  @Override
  public List<FieldError> validate(PathSpec spec) {
    List<FieldError> errors =
        new ArrayList<>(base.validate(withYears(spec, spec.years(), spec.real())));
    if (spec.stepsPerYear() != 1) {
      errors.add(new FieldError("frequency", "scenarios are set by plan year: use ANNUAL steps"));
    }
    if (history != null && !history.covers(replayFrom)) {
      errors.add(
          new FieldError(
              "scenario.startYear",
              "must be within the data, "
                  + history.firstYear()
                  + "-"
                  + history.lastYear()
                  + ", was "
                  + replayFrom));
    }
    return errors;
  }

  @Override
  public int pathCount(int requestedPaths, int years) {
    return base.pathCount(requestedPaths, years);
  }

  /** {@code spec}'s assets and steps over {@code years} years, real or nominal. */
  private static PathSpec withYears(PathSpec spec, int years, boolean real) {
    return new PathSpec(spec.assets(), years, spec.stepsPerYear(), real);
  }

  /** Whether the scenario changes nominal returns or inflation, so needs nominal draws. */
  private boolean changesNominalValues() {
    return firstYearEquityReturn != null || firstYearRateRise != 0 || extraInflation != 0;
  }

  /**
   * In real mode a scenario that changes no nominal value (a replay, a lost decade, shared years)
   * draws real values directly, as the plain generator would; one that does draws nominal values
   * and deflates them after the change.
   */
  @Override
  public PathSampler sampler(PathSpec spec) {
    boolean deflate = spec.real() && changesNominalValues();
    boolean real = spec.real() && !deflate;
    int assets = spec.assets().size();
    PathSampler draws = draws(spec, real);
    int replayed = historicalYears(spec.years());
    double[] replayGrowth = new double[assets * Math.max(1, replayed)];
    double[] replayInflation = new double[replayed];
    for (int t = 0; t < replayed; t++) {
      double cpi = 1 + history.inflationOf(replayFrom + t);
      replayInflation[t] = real ? 1 : cpi;
      for (int a = 0; a < assets; a++) {
        double g = 1 + history.returnOf(spec.assets().get(a), replayFrom + t);
        replayGrowth[a * replayed + t] = real ? g / cpi : g;
      }
    }
    boolean[] equity = new boolean[assets];
    boolean[] bond = new boolean[assets];
    for (int a = 0; a < assets; a++) {
      AssetClass assetClass = spec.assets().get(a);
      equity[a] = assetClass.isEquity();
      bond[a] = assetClass == AssetClass.TREASURY_BOND || assetClass == AssetClass.CORPORATE_BOND;
    }
    int steps = spec.steps();
    return (path, random, growth, inflation) -> {
      draws.fill(path, random, growth, inflation);
      for (int t = 0; t < replayed; t++) {
        inflation[t] = replayInflation[t];
        for (int a = 0; a < assets; a++) {
          growth[a * steps + t] = replayGrowth[a * replayed + t];
        }
      }
      shockFirstYear(growth, equity, bond);
      if (extraInflation != 0) {
        for (int t = 0; t < steps; t++) {
          inflation[t] += extraInflation;
        }
      }
      // Zero real: nominal growth equals inflation (exactly 1 in real terms).
      for (int t = 0; t < Math.min(zeroRealEquityYears, steps); t++) {
        for (int a = 0; a < assets; a++) {
          if (equity[a]) {
            growth[a * steps + t] = inflation[t];
          }
        }
      }
      if (deflate) {
        deflate(growth, inflation, assets, steps);
      }
    };
  }

  /** The underlying generator's draws for {@code spec}'s steps, real or nominal. */
  private PathSampler draws(PathSpec spec, boolean real) {
    int shared = sharedYears > 0 ? sharedYears : spec.years();
    if (shared == spec.years()) {
      return base.sampler(withYears(spec, shared, real));
    }
    int assets = spec.assets().size();
    int steps = spec.steps();
    PathSampler primary = base.sampler(withYears(spec, shared, real));
    int primarySteps = shared * spec.stepsPerYear();
    double[] primaryGrowth = new double[assets * primarySteps];
    double[] primaryInflation = new double[primarySteps];
    int used = Math.min(steps, primarySteps);
    int extraSteps = steps - used;
    PathSampler extension =
        extraSteps > 0
            ? base.sampler(withYears(spec, extraSteps / spec.stepsPerYear(), real))
            : null;
    SplittableRandom extensionRandom = new SplittableRandom(extensionSeed).split();
    double[] extensionGrowth = new double[assets * Math.max(1, extraSteps)];
    double[] extensionInflation = new double[extraSteps];
    return (path, random, growth, inflation) -> {
      primary.fill(path, random, primaryGrowth, primaryInflation);
      for (int a = 0; a < assets; a++) {
        System.arraycopy(primaryGrowth, a * primarySteps, growth, a * steps, used);
      }
      System.arraycopy(primaryInflation, 0, inflation, 0, used);
      if (extension != null) {
        extension.fill(path, extensionRandom, extensionGrowth, extensionInflation);
        for (int a = 0; a < assets; a++) {
          System.arraycopy(extensionGrowth, a * extraSteps, growth, a * steps + used, extraSteps);
        }
        System.arraycopy(extensionInflation, 0, inflation, used, extraSteps);
      }
    };
  }

  private void shockFirstYear(double[] growth, boolean[] equity, boolean[] bond) {
    int steps = growth.length / equity.length;
    for (int a = 0; a < equity.length; a++) {
      if (equity[a] && firstYearEquityReturn != null) {
        growth[a * steps] = 1 + firstYearEquityReturn;
      }
      if (bond[a] && firstYearRateRise != 0) {
        // A return below -100% is impossible; no realistic shock comes near it.
        growth[a * steps] = Math.max(0, growth[a * steps] - bondDuration * firstYearRateRise);
      }
    }
  }

  /** Real values: one division per step, then multiplications (divisions are the slow part). */
  private static void deflate(double[] growth, double[] inflation, int assets, int steps) {
    for (int t = 0; t < steps; t++) {
      inflation[t] = 1 / inflation[t];
    }
    for (int a = 0; a < assets; a++) {
      for (int t = 0; t < steps; t++) {
        growth[a * steps + t] *= inflation[t];
      }
    }
    for (int t = 0; t < steps; t++) {
      inflation[t] = 1;
    }
  }
}
