package dev.finpilot.projection;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A source of return paths for the projection engine: historical bootstrap, parametric lognormal or
 * the rolling historical backtest. The engine owns cash flows, rebalancing and statistics; a
 * generator only says how each asset class and inflation moved in each step of a path.
 */
public interface ReturnGenerator {

  /** What produced the numbers (method, data edition or assumption source), kept in results. */
  String description();

  /** Problems with this request that this generator cannot serve, as field errors. */
  List<FieldError> validate(PathSpec spec);

  /** Paths to simulate when the caller asks for {@code requestedPaths}. */
  default int pathCount(int requestedPaths, int years) {
    return requestedPaths;
  }

  /** Prepares the per-request tables; call only after {@link #validate} found nothing. */
  PathSampler sampler(PathSpec spec);

  /**
   * The shape of the paths wanted: which asset classes (in this order), how many years and steps
   * per year, and whether growth is real (deflated by inflation) or nominal.
   */
  record PathSpec(List<AssetClass> assets, int years, int stepsPerYear, boolean real) {
    public PathSpec {
      assets = List.copyOf(assets);
    }

    public int steps() {
      return years * stepsPerYear;
    }
  }

  /** Fills one path; implementations keep scratch state, so one sampler serves one thread. */
  interface PathSampler {
    /**
     * Writes {@code growth[asset * steps + step] = 1 + return} (asset by asset, so each asset's
     * path is contiguous) and {@code inflation[step] = 1 + inflation} for path number {@code path}.
     * In real mode growth is already deflated and inflation is 1. Random draws come only from
     * {@code random}, in path order, and never depend on cash flows, so two requests that differ
     * only in cash flows see the same markets.
     */
    void fill(int path, SplittableRandom random, double[] growth, double[] inflation);
  }
}
