package dev.finpilot.benchmarks;

import dev.finpilot.insight.Change;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.StressReport;
import dev.finpilot.insight.StressTest;
import dev.finpilot.insight.WhatIf;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
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

  /**
   * The load-independent cross-check (as {@link CpuTimeCheck} does for the engine): CPU time of
   * this thread per what-if and per stress report, median and fastest after as many warm-up runs.
   */
  public static void main(String[] args) {
    PlanSubject subject = WhatIfBenchmark.fortyYearSubject();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Change later = new Change(3, null, null, null, null, null);
    report(
        "what-if, retire 3 years later", threads, 100, () -> WhatIf.answer(subject, later, 10_000));
    report("all stresses", threads, 20, () -> StressTest.run(subject));
  }

  private static void report(String name, ThreadMXBean threads, int runs, Runnable work) {
    for (int i = 0; i < runs; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = threads.getCurrentThreadCpuTime();
      work.run();
      ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%s: CPU time per op, median %.1f ms (fastest %.1f)%n",
        name,
        ms[runs / 2],
        ms[0]);
  }
}
