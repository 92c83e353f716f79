package dev.finpilot.projection;

import java.util.Arrays;

/**
 * Exact order statistics (the k-th smallest values) of a column of non-negative finite doubles,
 * without sorting it. Sorting 10,000 values for each of 40 years would cost more than the whole
 * simulation; this takes two linear passes per column.
 *
 * <p>For non-negative doubles the raw bit pattern orders like the value and reads like a log scale,
 * so its top bits make a histogram with 64 bins per power of two (each about 1.1% wide). Pass one
 * counts the bins; walking the counts finds the bin holding each wanted rank; pass two gathers only
 * those few bins, and a selection inside each answers exactly. Values below 2<sup>-20</sup> share
 * the first bin, values from 2<sup>60</sup> up share the last.
 *
 * <p>Holds scratch space, so one instance serves one thread.
 */
final class OrderStatistics {

  private static final int SUB_BIN_BITS = 6;
  private static final int SHIFT = 52 - SUB_BIN_BITS;
  private static final int MIN_EXPONENT = -20;
  private static final int MAX_EXPONENT = 60;
  private static final long FIRST_BIN = (long) (1023 + MIN_EXPONENT) << SUB_BIN_BITS;
  private static final int BINS = (MAX_EXPONENT - MIN_EXPONENT) << SUB_BIN_BITS;

  private final int[] counts = new int[BINS];

  /**
   * Odd-indexed values are counted separately and merged afterwards: neighbouring values often
   * share a bin, and two counters let their increments overlap instead of waiting on each other.
   */
  private final int[] countsOdd = new int[BINS];

  /** 1 + the gather group of each wanted bin; 0 for bins not needed. */
  private final int[] groupOfBin = new int[BINS];

  private final double[] gathered;

  /** Each value's bin from pass one, so pass two need not recompute it. */
  private final short[] binOf;

  private final int[] groupStart;
  private final int[] groupFill;
  private final int[] groupBins;
  private final int[] groupOfRank;
  private final int[] rankInGroup;

  OrderStatistics(int capacity, int maxRanks) {
    this.gathered = new double[capacity];
    this.binOf = new short[capacity];
    this.groupStart = new int[maxRanks];
    this.groupFill = new int[maxRanks];
    this.groupBins = new int[maxRanks];
    this.groupOfRank = new int[maxRanks];
    this.rankInGroup = new int[maxRanks];
  }

  /** The 0-based rank of the nearest-rank percentile {@code pct} of {@code n} values. */
  static int percentileRank(int pct, int n) {
    long rank = ((long) pct * n + 99) / 100 - 1;
    return (int) Math.max(0, rank);
  }

  /** {@link #select(double[], int, int, int[], double[])} over {@code values[0..n)}. */
  void select(double[] values, int n, int[] ranks, double[] out) {
    select(values, 0, n, ranks, out);
  }

  /**
   * Writes into {@code out[i]} the {@code ranks[i]}-th smallest (0-based) of the {@code n} values
   * from {@code values[from]}. Ranks must be ascending and below {@code n}; values must be finite
   * and not negative (checked when any lands in the top bin). {@code values} is left unchanged.
   */
  void select(double[] values, int from, int n, int[] ranks, double[] out) {
    int i = 0;
    for (; i + 1 < n; i += 2) {
      int b0 = bin(values[from + i]);
      int b1 = bin(values[from + i + 1]);
      binOf[i] = (short) b0;
      binOf[i + 1] = (short) b1;
      counts[b0]++;
      countsOdd[b1]++;
    }
    if (i < n) {
      int b0 = bin(values[from + i]);
      binOf[i] = (short) b0;
      counts[b0]++;
    }
    for (int b = 0; b < BINS; b++) {
      counts[b] += countsOdd[b];
    }
    if (counts[BINS - 1] > 0) {
      requireNonNegativeFinite(values, from, n);
    }
    int groups = 0;
    int bin = 0;
    int below = 0;
    for (int r = 0; r < ranks.length; r++) {
      while (below + counts[bin] <= ranks[r]) {
        below += counts[bin];
        bin++;
      }
      if (groups == 0 || groupBins[groups - 1] != bin) {
        groupBins[groups] = bin;
        groupStart[groups] =
            groups == 0 ? 0 : groupStart[groups - 1] + counts[groupBins[groups - 1]];
        groupFill[groups] = groupStart[groups];
        groupOfBin[bin] = ++groups;
      }
      groupOfRank[r] = groups - 1;
      rankInGroup[r] = ranks[r] - below;
    }
    for (i = 0; i < n; i++) {
      int g = groupOfBin[binOf[i]];
      if (g != 0) {
        gathered[groupFill[g - 1]++] = values[from + i];
      }
    }
    for (int r = 0; r < ranks.length; r++) {
      int g = groupOfRank[r];
      out[r] =
          select(gathered, groupStart[g], groupStart[g] + counts[groupBins[g]], rankInGroup[r]);
    }
    for (int g = 0; g < groups; g++) {
      groupOfBin[groupBins[g]] = 0;
    }
    Arrays.fill(counts, 0);
    Arrays.fill(countsOdd, 0);
  }

  private static int bin(double v) {
    long b = (Double.doubleToRawLongBits(v) >>> SHIFT) - FIRST_BIN;
    return (int) Math.min(Math.max(b, 0), BINS - 1);
  }

  /** Quickselect with a three-way partition, so a bin full of equal values (zeros) is linear. */
  private static double select(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int target = from + k;
    while (true) {
      double pivot = a[(lo + hi) >>> 1];
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (target < lt) {
        hi = lt - 1;
      } else if (target > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
  }

  private static void requireNonNegativeFinite(double[] values, int from, int n) {
    for (int i = from; i < from + n; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      if (bits < 0 || bits >= Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("order statistics need finite non-negative values");
      }
    }
  }
}
