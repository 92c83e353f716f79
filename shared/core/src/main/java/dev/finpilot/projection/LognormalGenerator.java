package dev.finpilot.projection;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.market.CapitalMarketAssumptions;
import dev.finpilot.market.Cholesky;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Parametric returns: each step's log returns {@code ln(1 + r)} of the assets and of inflation are
 * jointly normal with the assumptions' means and covariance, correlated through a Cholesky factor.
 * Monthly steps use {@code mu / 12} and {@code covariance / 12}, so twelve months compound to
 * exactly the annual distribution.
 *
 * <p>In real mode the generator samples real log returns {@code ln(1 + r) - ln(1 + inflation)}
 * directly. That is the same distribution as sampling nominal returns and inflation and deflating,
 * but needs one normal draw fewer per step.
 */
public final class LognormalGenerator implements ReturnGenerator {
  private final CapitalMarketAssumptions assumptions;

  public LognormalGenerator(CapitalMarketAssumptions assumptions) {
    this.assumptions = assumptions;
  }

  /** Lognormal model fitted to the embedded data set. */
  public static LognormalGenerator fitted() {
    return new LognormalGenerator(CapitalMarketAssumptions.fitted(HistoricalReturns.embedded()));
  }

  /** Lognormal model with {@code snapshot}'s means, volatilities and correlations. */
  public static LognormalGenerator of(MarketSnapshot snapshot) {
    return new LognormalGenerator(snapshot.assumptions().toAssumptions());
  }

  public CapitalMarketAssumptions assumptions() {
    return assumptions;
  }

  @Override
  public String description() {
    return "lognormal with Cholesky-correlated assets, " + assumptions.source();
  }

  @Override
  public List<FieldError> validate(PathSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    for (AssetClass a : spec.assets()) {
      if (!assumptions.covers(a)) {
        errors.add(new FieldError("glidePath", "no capital-market assumption for " + a));
      }
    }
    return errors;
  }

  @Override
  public PathSampler sampler(PathSpec spec) {
    int assets = spec.assets().size();
    double[][] nominal = assumptions.logCovariance(spec.assets(), true);
    double[] nominalMean = new double[assets + 1];
    for (int a = 0; a < assets; a++) {
      nominalMean[a] = assumptions.logMean(spec.assets().get(a));
    }
    nominalMean[assets] = assumptions.inflationLogMean();
    int factors = spec.real() ? assets : assets + 1;
    int perYear = spec.stepsPerYear();
    double[] stepMean = new double[factors];
    double[][] stepCovariance = new double[factors][factors];
    for (int i = 0; i < factors; i++) {
      double mean = spec.real() ? nominalMean[i] - nominalMean[assets] : nominalMean[i];
      stepMean[i] = mean / perYear;
      for (int j = 0; j < factors; j++) {
        double covariance =
            spec.real()
                ? nominal[i][j] - nominal[i][assets] - nominal[j][assets] + nominal[assets][assets]
                : nominal[i][j];
        stepCovariance[i][j] = covariance / perYear;
      }
    }
    return new Sampler(stepMean, Cholesky.decompose(stepCovariance), assets, spec.steps());
  }

  /**
   * Generates one path factor by factor over all steps (all normals of factor 0, then factor 1,
   * ...) rather than step by step: the loops then run over hundreds of steps instead of two or
   * three factors, which the JIT compiles to tight, partly vectorised code (about twice as fast).
   */
  private static final class Sampler implements PathSampler {
    private final double[] mean;
    private final double[][] cholesky;
    private final int assets;
    private final int steps;
    private final double[][] normals;
    private final double[] logGrowth;

    Sampler(double[] mean, double[][] cholesky, int assets, int steps) {
      this.mean = mean;
      this.cholesky = cholesky;
      this.assets = assets;
      this.steps = steps;
      this.normals = new double[mean.length][steps];
      this.logGrowth = new double[steps];
    }

    @Override
    public void fill(int path, SplittableRandom random, double[] growth, double[] inflation) {
      int factors = mean.length;
      for (int k = 0; k < factors; k++) {
        double[] z = normals[k];
        for (int t = 0; t < steps; t++) {
          z[t] = ZigguratGaussian.next(random);
        }
      }
      for (int i = 0; i < factors; i++) {
        Arrays.fill(logGrowth, mean[i]);
        for (int k = 0; k <= i; k++) {
          double weight = cholesky[i][k];
          double[] z = normals[k];
          for (int t = 0; t < steps; t++) {
            logGrowth[t] += weight * z[t];
          }
        }
        if (i < assets) {
          int offset = i * steps;
          for (int t = 0; t < steps; t++) {
            growth[offset + t] = FastExp.exp(logGrowth[t]);
          }
        } else {
          for (int t = 0; t < steps; t++) {
            inflation[t] = FastExp.exp(logGrowth[t]);
          }
        }
      }
      if (factors == assets) {
        Arrays.fill(inflation, 0, steps, 1.0);
      }
    }
  }
}
