package dev.finpilot.projection;

import java.util.SplittableRandom;

/**
 * Standard normal variates by Marsaglia and Tsang's ziggurat (256 layers), drawing its bits from a
 * {@link SplittableRandom}.
 *
 * <p>Why not {@code SplittableRandom.nextGaussian()}: that method's algorithm is not part of its
 * specification and has changed between JDK releases, and its rare branches call {@code Math}
 * functions that may differ by an ulp between platforms. Here the table is built with {@code
 * StrictMath}, the rare branches use {@link FastExp} and {@code StrictMath}, and the algorithm is
 * fixed, so a seed gives the same normals on every JVM, which is what makes stored projections
 * reproducible bit for bit. The layer index and the uniform come from disjoint bits of one 64-bit
 * draw, avoiding the correlation Doornik (2005) found in the original.
 */
final class ZigguratGaussian {

  private static final int LAYERS = 256;

  /** Start of the tail: the right edge of the widest full layer. */
  static final double TAIL_START = 3.6541528853610088;

  /** Area of every layer, base layer and tail included. */
  static final double LAYER_AREA = 4.92867323399e-3;

  /** Layer edges: {@code X[i]} is the width of layer {@code i}, {@code X[LAYERS] = 0}. */
  private static final double[] X = new double[LAYERS + 1];

  /** Density (unnormalised, {@code exp(-x^2/2)}) at each edge. */
  private static final double[] F = new double[LAYERS + 1];

  /** Share of layer {@code i} lying wholly under the curve: {@code X[i+1] / X[i]}. */
  private static final double[] CORE = new double[LAYERS];

  static {
    X[0] = LAYER_AREA / density(TAIL_START);
    X[1] = TAIL_START;
    for (int i = 1; i < LAYERS - 1; i++) {
      X[i + 1] = Math.sqrt(-2 * StrictMath.log(LAYER_AREA / X[i] + density(X[i])));
    }
    X[LAYERS] = 0;
    for (int i = 0; i <= LAYERS; i++) {
      F[i] = density(X[i]);
    }
    for (int i = 0; i < LAYERS; i++) {
      CORE[i] = X[i + 1] / X[i];
    }
  }

  private ZigguratGaussian() {}

  static double next(SplittableRandom random) {
    long bits = random.nextLong();
    int layer = (int) bits & (LAYERS - 1);
    // The top 54 bits as a signed fraction in [-1, 1).
    double u = (bits >> 10) * 0x1.0p-53;
    if (Math.abs(u) < CORE[layer]) {
      return u * X[layer];
    }
    return outsideCore(random, layer, u);
  }

  /**
   * The rare case (about 1.2% of draws), kept out of {@link #next} so that the common path stays
   * small enough to be inlined into the generator loops.
   */
  private static double outsideCore(SplittableRandom random, int firstLayer, double firstU) {
    int layer = firstLayer;
    double u = firstU;
    while (true) {
      double x = u * X[layer];
      if (layer == 0) {
        return tail(random, x < 0);
      }
      double y = F[layer] + random.nextDouble() * (F[layer + 1] - F[layer]);
      if (y < FastExp.exp(-0.5 * x * x)) {
        return x;
      }
      long bits = random.nextLong();
      layer = (int) bits & (LAYERS - 1);
      u = (bits >> 10) * 0x1.0p-53;
      if (Math.abs(u) < CORE[layer]) {
        return u * X[layer];
      }
    }
  }

  /** Marsaglia's (1964) exact sampler for the normal tail beyond {@link #TAIL_START}. */
  private static double tail(SplittableRandom random, boolean negative) {
    double a;
    double b;
    do {
      a = -StrictMath.log(1 - random.nextDouble()) / TAIL_START;
      b = -StrictMath.log(1 - random.nextDouble());
    } while (b + b < a * a);
    return negative ? -(TAIL_START + a) : TAIL_START + a;
  }

  /** Exposes the table so tests can check that the layers tile the curve. */
  static double layerEdge(int layer) {
    return X[layer];
  }

  private static double density(double x) {
    return StrictMath.exp(-0.5 * x * x);
  }
}
