package dev.finpilot.projection;

/**
 * Wealth percentiles across all paths at the end of plan year {@code year} (year 0 is the start),
 * when the investor is {@code age}, and the share of paths that have run out of money by then.
 */
public record YearBand(
    int year,
    int age,
    double p10,
    double p25,
    double p50,
    double p75,
    double p90,
    double depletedProbability) {}
