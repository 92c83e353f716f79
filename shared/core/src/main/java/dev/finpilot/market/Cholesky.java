package dev.finpilot.market;

/**
 * Cholesky factorisation {@code A = L L^T} of a covariance or correlation matrix. Semidefinite
 * matrices are accepted (a zero-volatility asset, or two perfectly correlated assets, are
 * legitimate assumptions): a pivot that vanishes gives a zero column instead of a failure.
 */
public final class Cholesky {

  /** Relative size below which a pivot counts as zero. */
  private static final double PIVOT_TOLERANCE = 1e-12;

  /** Relative size of the residual a zero pivot may leave before the matrix is rejected. */
  private static final double RESIDUAL_TOLERANCE = 1e-8;

  private Cholesky() {}

  /**
   * Returns the lower-triangular factor.
   *
   * @throws IllegalArgumentException if the matrix is not square, not symmetric or not positive
   *     semidefinite
   */
  public static double[][] decompose(double[][] a) {
    int n = a.length;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("matrix is not square");
      }
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    scale = Math.max(scale, Double.MIN_NORMAL);
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double pivot = a[j][j] - dot(l[j], l[j], j);
      if (pivot < -PIVOT_TOLERANCE * scale) {
        throw new IllegalArgumentException("matrix is not positive semidefinite");
      }
      boolean degenerate = pivot <= PIVOT_TOLERANCE * scale;
      double diagonal = degenerate ? 0 : Math.sqrt(pivot);
      l[j][j] = diagonal;
      for (int i = j + 1; i < n; i++) {
        if (Math.abs(a[i][j] - a[j][i]) > RESIDUAL_TOLERANCE * scale) {
          throw new IllegalArgumentException("matrix is not symmetric");
        }
        double residual = a[i][j] - dot(l[i], l[j], j);
        if (degenerate) {
          if (Math.abs(residual) > RESIDUAL_TOLERANCE * scale) {
            throw new IllegalArgumentException("matrix is not positive semidefinite");
          }
        } else {
          l[i][j] = residual / diagonal;
        }
      }
    }
    return l;
  }

  private static double dot(double[] x, double[] y, int length) {
    double sum = 0;
    for (int k = 0; k < length; k++) {
      sum += x[k] * y[k];
    }
    return sum;
  }
}
