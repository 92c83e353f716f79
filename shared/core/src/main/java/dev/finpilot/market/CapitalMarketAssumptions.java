package dev.finpilot.market;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected returns, volatilities and correlations of the asset classes and of inflation, in the
 * form the lognormal generator needs: annual log returns {@code ln(1 + r)} are jointly normal.
 *
 * <p>Two sources: {@link #fitted(HistoricalReturns)} estimates the log moments from the embedded
 * history (so the model's median growth matches history), and {@link #builder(String)} takes a
 * planner's own arithmetic means and volatilities of simple returns and converts them exactly to
 * log moments. Correlations always refer to the log returns.
 */
public final class CapitalMarketAssumptions {

  private static final AssetClass[] ASSETS = AssetClass.values();

  /** Factor index of inflation; asset classes use their ordinal. */
  private static final int INFLATION = ASSETS.length;

  private static final int FACTORS = ASSETS.length + 1;

  private final String source;
  private final boolean[] present;
  private final double[] logMean;
  private final double[] logVolatility;
  private final double[][] correlation;

  private CapitalMarketAssumptions(
      String source,
      boolean[] present,
      double[] logMean,
      double[] logVolatility,
      double[][] correlation) {
    this.source = source;
    this.present = present;
    this.logMean = logMean;
    this.logVolatility = logVolatility;
    this.correlation = correlation;
  }

  /**
   * Maximum-likelihood lognormal fit to the whole history: mean and sample standard deviation of
   * {@code ln(1 + r)} per series, and the correlations of those log returns.
   */
  public static CapitalMarketAssumptions fitted(HistoricalReturns data) {
    int n = data.yearCount();
    double[][] logs = new double[FACTORS][n];
    for (AssetClass a : ASSETS) {
      logs[a.ordinal()] = logOnePlus(data.returns(a));
    }
    logs[INFLATION] = logOnePlus(data.inflation());
    boolean[] present = new boolean[FACTORS];
    double[] mean = new double[FACTORS];
    double[] sd = new double[FACTORS];
    for (int f = 0; f < FACTORS; f++) {
      present[f] = true;
      mean[f] = mean(logs[f]);
      sd[f] = Math.sqrt(covariance(logs[f], mean[f], logs[f], mean[f]));
    }
    double[][] rho = identity();
    for (int f = 0; f < FACTORS; f++) {
      for (int g = f + 1; g < FACTORS; g++) {
        double r =
            sd[f] == 0 || sd[g] == 0
                ? 0
                : covariance(logs[f], mean[f], logs[g], mean[g]) / (sd[f] * sd[g]);
        rho[f][g] = r;
        rho[g][f] = r;
      }
    }
    String source =
        "fitted to "
            + data.edition()
            + " "
            + data.firstYear()
            + "-"
            + data.lastYear()
            + " (log-return moments)";
    return new CapitalMarketAssumptions(source, present, mean, sd, rho);
  }

  /** Explicit assumptions, for example a house view or a stress scenario. */
  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Where these numbers come from, recorded in every projection result. */
  public String source() {
    return source;
  }

  public boolean covers(AssetClass assetClass) {
    return present[assetClass.ordinal()];
  }

  /** Mean of the annual log return {@code ln(1 + r)}. */
  public double logMean(AssetClass assetClass) {
    return logMean[require(assetClass)];
  }

  /** Standard deviation of the annual log return. */
  public double logVolatility(AssetClass assetClass) {
    return logVolatility[require(assetClass)];
  }

  /** Expected simple annual return implied by the lognormal model: {@code exp(mu + s^2/2) - 1}. */
  public double arithmeticMean(AssetClass assetClass) {
    int f = require(assetClass);
    return arithmeticMean(logMean[f], logVolatility[f]);
  }

  /** Standard deviation of the simple annual return implied by the lognormal model. */
  public double volatility(AssetClass assetClass) {
    int f = require(assetClass);
    return volatility(logMean[f], logVolatility[f]);
  }

  public double inflationLogMean() {
    return logMean[INFLATION];
  }

  public double inflationLogVolatility() {
    return logVolatility[INFLATION];
  }

  public double inflationMean() {
    return arithmeticMean(logMean[INFLATION], logVolatility[INFLATION]);
  }

  public double inflationVolatility() {
    return volatility(logMean[INFLATION], logVolatility[INFLATION]);
  }

  public double correlation(AssetClass a, AssetClass b) {
    return correlation[require(a)][require(b)];
  }

  public double correlationWithInflation(AssetClass assetClass) {
    return correlation[require(assetClass)][INFLATION];
  }

  /**
   * Covariance matrix of annual log returns of the given assets, in order, followed by inflation
   * when {@code withInflation} is set.
   */
  public double[][] logCovariance(List<AssetClass> assets, boolean withInflation) {
    int[] factors = new int[assets.size() + (withInflation ? 1 : 0)];
    for (int i = 0; i < assets.size(); i++) {
      factors[i] = require(assets.get(i));
    }
    if (withInflation) {
      factors[assets.size()] = INFLATION;
    }
    double[][] cov = new double[factors.length][factors.length];
    for (int i = 0; i < factors.length; i++) {
      for (int j = 0; j < factors.length; j++) {
        int f = factors[i];
        int g = factors[j];
        cov[i][j] = correlation[f][g] * logVolatility[f] * logVolatility[g];
      }
    }
    return cov;
  }

  private int require(AssetClass assetClass) {
    int f = assetClass.ordinal();
    if (!present[f]) {
      throw new IllegalArgumentException("no capital-market assumption for " + assetClass);
    }
    return f;
  }

  private static double arithmeticMean(double mu, double sigma) {
    return StrictMath.exp(mu + 0.5 * sigma * sigma) - 1;
  }

  private static double volatility(double mu, double sigma) {
    double s2 = sigma * sigma;
    return Math.sqrt(StrictMath.expm1(s2)) * StrictMath.exp(mu + 0.5 * s2);
  }

  private static double[] logOnePlus(double[] returns) {
    double[] out = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      out[i] = StrictMath.log1p(returns[i]);
    }
    return out;
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static double covariance(double[] x, double meanX, double[] y, double meanY) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - meanX) * (y[i] - meanY);
    }
    return sum / (x.length - 1);
  }

  private static double[][] identity() {
    double[][] m = new double[FACTORS][FACTORS];
    for (int f = 0; f < FACTORS; f++) {
      m[f][f] = 1;
    }
    return m;
  }

  /** Collects explicit assumptions; {@link #build()} reports every invalid field at once. */
  public static final class Builder {
    private final String source;
    private final boolean[] present = new boolean[FACTORS];
    private final double[] mean = new double[FACTORS];
    private final double[] volatility = new double[FACTORS];
    private final double[][] correlation = identity();
    private final List<FieldError> pending = new ArrayList<>();

    private Builder(String source) {
      this.source = source;
    }

    /**
     * An asset class's expected simple annual return and its standard deviation, both as decimal
     * fractions (0.07 for 7%).
     */
    public Builder asset(AssetClass assetClass, double arithmeticMean, double volatility) {
      return factor(assetClass.ordinal(), "assets." + assetClass, arithmeticMean, volatility);
    }

    /** Expected annual inflation and its standard deviation (required). */
    public Builder inflation(double arithmeticMean, double volatility) {
      return factor(INFLATION, "inflation", arithmeticMean, volatility);
    }

    /** Correlation of the two asset classes' annual log returns; unspecified pairs are 0. */
    public Builder correlation(AssetClass a, AssetClass b, double rho) {
      String field = "correlation." + a + "." + b;
      if (a == b) {
        pending.add(new FieldError(field, "an asset's correlation with itself is always 1"));
        return this;
      }
      return pair(a.ordinal(), b.ordinal(), field, rho);
    }

    public Builder correlationWithInflation(AssetClass assetClass, double rho) {
      return pair(assetClass.ordinal(), INFLATION, "correlation." + assetClass + ".inflation", rho);
    }

    private Builder factor(int f, String field, double arithmeticMean, double vol) {
      present[f] = true;
      mean[f] = arithmeticMean;
      volatility[f] = vol;
      Validation v = new Validation();
      v.require(
          Double.isFinite(arithmeticMean) && arithmeticMean > -1,
          field + ".arithmeticMean",
          "must be a finite fraction above -1, was " + arithmeticMean);
      v.require(
          Double.isFinite(vol) && vol >= 0,
          field + ".volatility",
          "must be finite and not negative, was " + vol);
      pending.addAll(v.errors());
      return this;
    }

    private Builder pair(int f, int g, String field, double rho) {
      if (Double.isFinite(rho) && Math.abs(rho) <= 1) {
        correlation[f][g] = rho;
        correlation[g][f] = rho;
      } else {
        pending.add(new FieldError(field, "must be between -1 and 1, was " + rho));
      }
      return this;
    }

    /**
     * @throws ValidationException naming each bad field, a correlation that refers to an asset
     *     without assumptions, a missing inflation assumption, or a correlation matrix that is not
     *     positive semidefinite
     */
    public CapitalMarketAssumptions build() {
      Validation v = new Validation();
      v.addAll(pending);
      v.require(present[INFLATION], "inflation", "is required");
      for (int f = 0; f < FACTORS; f++) {
        for (int g = f + 1; g < FACTORS; g++) {
          if (correlation[f][g] != 0 && (!present[f] || !present[g])) {
            v.require(
                false,
                "correlation." + name(f) + "." + name(g),
                "refers to an asset class without assumptions");
          }
        }
      }
      v.throwIfInvalid();
      double[] logMean = new double[FACTORS];
      double[] logVolatility = new double[FACTORS];
      for (int f = 0; f < FACTORS; f++) {
        if (present[f]) {
          double growth = 1 + mean[f];
          double s2 = StrictMath.log1p((volatility[f] * volatility[f]) / (growth * growth));
          logVolatility[f] = Math.sqrt(s2);
          logMean[f] = StrictMath.log(growth) - 0.5 * s2;
        }
      }
      try {
        Cholesky.decompose(correlation);
      } catch (IllegalArgumentException e) {
        // The builder keeps the matrix symmetric, so the only possible failure is this one.
        throw new ValidationException(
            List.of(new FieldError("correlation", "matrix is not positive semidefinite")));
      }
      return new CapitalMarketAssumptions(
          source, present.clone(), logMean, logVolatility, deepCopy(correlation));
    }

    private static String name(int factor) {
      return factor == INFLATION ? "inflation" : ASSETS[factor].name();
    }

    private static double[][] deepCopy(double[][] m) {
      double[][] copy = new double[m.length][];
      for (int i = 0; i < m.length; i++) {
        copy[i] = m[i].clone();
      }
      return copy;
    }
  }
}
