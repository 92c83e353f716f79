package dev.finpilot.benchmarks;

import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The projection engine's budgets (docs/benchmarks.md), on the scenarios of {@link Scenarios}.
 * Every call computes everything a plan needs: yearly P10-P90 bands, success probability, depletion
 * by year and shortfall statistics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonteCarloBenchmark {

  private ProjectionRequest lognormalAnnual;
  private ProjectionRequest lognormalMonthly;
  private ProjectionRequest bootstrapAnnual;
  private ProjectionRequest rollingBacktest;

  @Setup
  public void setUp() {
    lognormalAnnual = Scenarios.lognormalAnnual();
    lognormalMonthly = Scenarios.lognormalMonthly();
    bootstrapAnnual = Scenarios.bootstrapAnnual();
    rollingBacktest = Scenarios.rollingBacktest();
  }

  /** Budget: under 10 ms on one core. */
  @Benchmark
  public ProjectionResult lognormalAnnual10kPaths40Years() {
    return ProjectionEngine.project(lognormalAnnual);
  }

  /** Budget: under 100 ms on one core (480 monthly steps). */
  @Benchmark
  public ProjectionResult lognormalMonthly10kPaths480Steps() {
    return ProjectionEngine.project(lognormalMonthly);
  }

  /** Budget: under 5 ms on one core. */
  @Benchmark
  public ProjectionResult bootstrapAnnual10kPaths40Years() {
    return ProjectionEngine.project(bootstrapAnnual);
  }

  /** No budget; every 40-year window of 1928-2025 (59 paths), for reference. */
  @Benchmark
  public ProjectionResult rollingBacktest40Years() {
    return ProjectionEngine.project(rollingBacktest);
  }
}
