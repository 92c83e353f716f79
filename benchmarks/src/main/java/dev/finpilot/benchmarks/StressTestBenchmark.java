package dev.finpilot.benchmarks;

import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.StressReport;
import dev.finpilot.insight.StressTest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every stress of a 40-year plan at 10,000 paths (docs/benchmarks.md, "What-if and stress tests"):
 * five historical replays, three hypothetical shocks and the plan as planned, each projected to the
 * goal, over the retirement to 95 and for the allocation alone. Budget: well under 2 seconds on one
 * core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StressTestBenchmark {

  private PlanSubject subject;

  @Setup
  public void setUp() {
    subject = WhatIfBenchmark.fortyYearSubject();
  }

  @Benchmark
  public StressReport allStresses() {
    return StressTest.run(subject);
  }
}
