package dev.finpilot.projection;

import dev.finpilot.domain.FieldError;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.market.MarketSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws each simulated year as one whole calendar year from the history, uniformly with
 * replacement. Taking every asset and CPI from the same year keeps their cross-correlation and the
 * empirical skew and tails; it does not keep multi-year sequences (mean reversion, regimes).
 *
 * <p>Built for a market snapshot, every drawn year's returns and inflation are moved by the same
 * {@link MeanShift}, so the means are the snapshot's and the rest is history's.
 */
public final class BootstrapGenerator implements ReturnGenerator {
  private final HistoricalReturns data;
  private final MeanShift shift;
  private final String snapshotId;

  public BootstrapGenerator(HistoricalReturns data) {
    this(data, MeanShift.none(), null);
  }

  private BootstrapGenerator(HistoricalReturns data, MeanShift shift, String snapshotId) {
    this.data = data;
    this.shift = shift;
    this.snapshotId = snapshotId;
  }

  /** Bootstrap of the embedded data set. */
  public static BootstrapGenerator embedded() {
    return new BootstrapGenerator(HistoricalReturns.embedded());
  }

  /**
   * Bootstrap of the embedded data set with {@code snapshot}'s means. A snapshot whose means are
   * the history's gives exactly {@link #embedded()}.
   *
   * @throws IllegalArgumentException when the snapshot was built from another data edition, whose
   *     years this one cannot replay
   */
  public static BootstrapGenerator of(MarketSnapshot snapshot) {
    HistoricalReturns data = HistoricalReturns.embedded();
    if (!data.edition().equals(snapshot.edition())) {
      throw new IllegalArgumentException(
          "market snapshot "
              + snapshot.id()
              + " was built from "
              + snapshot.edition()
              + ", not the embedded "
              + data.edition());
    }
    MeanShift shift = MeanShift.toward(snapshot);
    return shift.isNone()
        ? new BootstrapGenerator(data)
        : new BootstrapGenerator(data, shift, snapshot.id());
  }

  @Override
  public String description() {
    String history =
        "bootstrap of calendar years "
            + data.firstYear()
            + "-"
            + data.lastYear()
            + ", "
            + data.edition();
    return snapshotId == null ? history : history + ", means of market snapshot " + snapshotId;
  }

  @Override
  public List<FieldError> validate(PathSpec spec) {
    return annualOnly(spec, "bootstrap");
  }

  static List<FieldError> annualOnly(PathSpec spec, String method) {
    List<FieldError> errors = new ArrayList<>();
    if (spec.stepsPerYear() != 1) {
      errors.add(
          new FieldError(
              "frequency",
              "the "
                  + method
                  + " uses annual historical data: use ANNUAL steps, or the lognormal generator"
                  + " for monthly steps"));
    }
    return errors;
  }

  @Override
  public PathSampler sampler(PathSpec spec) {
    HistoricalTable table = new HistoricalTable(data, spec.assets(), spec.real(), shift);
    int steps = spec.steps();
    long years = table.years();
    long threshold = (1L << 32) % years;
    int[] drawn = new int[steps];
    return (path, random, growth, inflation) -> {
      // Two draws from each 64-bit value: the halves are independent uniform 32-bit numbers.
      int t = 0;
      for (; t + 1 < steps; t += 2) {
        long bits = random.nextLong();
        drawn[t] = uniformIndex(bits >>> 32, random, years, threshold);
        drawn[t + 1] = uniformIndex(bits & 0xFFFFFFFFL, random, years, threshold);
      }
      if (t < steps) {
        drawn[t] = uniformIndex(Integer.toUnsignedLong(random.nextInt()), random, years, threshold);
      }
      table.copyYears(drawn, steps, growth, inflation);
    };
  }

  /**
   * Uniform integer in {@code [0, bound)} from the uniform 32-bit number {@code bits}, by Lemire's
   * multiply-and-reject (2019): exactly unbiased like {@code nextInt(bound)}, without its integer
   * division on every draw. In the rare rejected case (probability {@code threshold / 2^32}, about
   * 2e-8 for 98 years) fresh bits come from {@code random}. {@code threshold} is {@code 2^32 mod
   * bound}.
   */
  static int uniformIndex(long bits, SplittableRandom random, long bound, long threshold) {
    long m = bits * bound;
    while ((m & 0xFFFFFFFFL) < threshold) {
      m = Integer.toUnsignedLong(random.nextInt()) * bound;
    }
    return (int) (m >>> 32);
  }
}
