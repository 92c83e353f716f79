package dev.finpilot.benchmarks;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.BootstrapGenerator;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.LognormalGenerator;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.projection.RollingWindowGenerator;
import dev.finpilot.projection.StepFrequency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The projection engine's budgets (docs/benchmarks.md): 10,000 paths over 40 years of a two-asset
 * 60/40 portfolio, saving until 65 and spending from 65, with yearly P10-P90 bands, success
 * probability and shortfall statistics computed in every call.
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
    ProjectionRequest.Builder base =
        ProjectionRequest.builder()
            .startingBalance(250_000)
            .allocation(Allocation.of("0.60", "0.40", "0"))
            .startAge(45)
            .years(40)
            .cashFlow(CashFlow.contribution(20_000, 45, 65, ValueBasis.TODAYS_DOLLARS))
            .cashFlow(CashFlow.withdrawal(60_000, 65, 120, ValueBasis.TODAYS_DOLLARS))
            .target(0, ValueBasis.TODAYS_DOLLARS)
            .paths(10_000)
            .seed(42);
    LognormalGenerator lognormal = LognormalGenerator.fitted();
    lognormalAnnual = base.generator(lognormal).frequency(StepFrequency.ANNUAL).build();
    lognormalMonthly = base.generator(lognormal).frequency(StepFrequency.MONTHLY).build();
    bootstrapAnnual =
        base.generator(BootstrapGenerator.embedded()).frequency(StepFrequency.ANNUAL).build();
    rollingBacktest =
        base.generator(RollingWindowGenerator.embedded()).frequency(StepFrequency.ANNUAL).build();
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
