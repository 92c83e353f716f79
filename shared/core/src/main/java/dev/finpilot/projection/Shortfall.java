package dev.finpilot.projection;

import java.util.OptionalInt;

/**
 * How large and how late failures are. A path's shortfall is what it missed, in the result's report
 * basis: the gap between its final wealth and the target, plus every withdrawal it could not pay
 * after running out.
 *
 * @param probability share of paths that failed (1 - success probability)
 * @param median median shortfall of the failing paths (0 when none failed)
 * @param mean mean shortfall of the failing paths (0 when none failed)
 * @param depletionProbability share of paths that could not pay a withdrawal in full at some point
 * @param medianDepletionYear plan year (1 = first) by which half the depleted paths had run out
 * @param medianDepletionAge the investor's age at the start of that year
 */
public record Shortfall(
    double probability,
    double median,
    double mean,
    double depletionProbability,
    OptionalInt medianDepletionYear,
    OptionalInt medianDepletionAge) {}
