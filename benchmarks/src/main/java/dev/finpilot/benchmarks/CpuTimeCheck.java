package dev.finpilot.benchmarks;

import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A cross-check of the JMH numbers on a shared machine: the CPU time the benchmark thread itself
 * spends per projection, which other processes competing for the core do not inflate the way they
 * inflate wall-clock time. Prints the median and the fastest of many warmed-up runs.
 *
 * <p>Run: {@code taskset -c 0 java -cp benchmarks/target/benchmarks.jar
 * dev.finpilot.benchmarks.CpuTimeCheck}
 */
public final class CpuTimeCheck {

  private static final int WARMUP_RUNS = 200;
  private static final int MEASURED_RUNS = 200;

  private CpuTimeCheck() {}

  public static void main(String[] args) {
    report("lognormalAnnual10kPaths40Years", Scenarios.lognormalAnnual(), 1);
    report("lognormalMonthly10kPaths480Steps", Scenarios.lognormalMonthly(), 10);
    report("bootstrapAnnual10kPaths40Years", Scenarios.bootstrapAnnual(), 1);
  }

  private static void report(String name, ProjectionRequest request, int slowdown) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int i = 0; i < WARMUP_RUNS / slowdown; i++) {
      sink += ProjectionEngine.project(request).successProbability();
    }
    int runs = MEASURED_RUNS / slowdown;
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = threads.getCurrentThreadCpuTime();
      sink += ProjectionEngine.project(request).successProbability();
      millis[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf(
        "%-34s CPU ms/op: median %.2f, fastest %.2f (%d runs; success %.4f)%n",
        name, millis[runs / 2], millis[0], runs, sink / (WARMUP_RUNS / slowdown + runs));
  }
}
