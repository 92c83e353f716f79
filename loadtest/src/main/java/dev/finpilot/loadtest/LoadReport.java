package dev.finpilot.loadtest;

import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: throughput, every call type's latency percentiles, submit-to-ACTIVE, the
 * correctness counts and the CPU split, as Markdown the docs can paste and as JSON.
 *
 * @param rampUpSeconds the period over which the users started
 * @param peakUsersInFlight the most users between their first call and their last at one moment
 * @param calls latency per call type, milliseconds
 * @param failedCalls calls that failed after their retries, per call type
 * @param problems what was lost, stuck, duplicated or failed, one line each (at most 50)
 */
public record LoadReport(
    String command,
    String machine,
    String startedAt,
    int users,
    int lifeEventUsers,
    long seed,
    double rampUpSeconds,
    int peakUsersInFlight,
    double wallSeconds,
    double plansFinalPerSecond,
    double callsPerSecond,
    Map<String, Latencies.Percentiles> calls,
    Map<String, Long> failedCalls,
    Latencies.Percentiles submitToActive,
    Counts counts,
    Usage usage,
    List<String> problems) {

  /**
   * How the plans ended and what the clients had to do; {@code feedsOpened} users followed their
   * plans on the WebSocket, which brought {@code pushes} messages and prompted {@code readsOnPush}
   * of their reads.
   */
  public record Counts(
      int accepted,
      int active,
      int rejected,
      int failed,
      int lost,
      int duplicated,
      int stuck,
      int lifeEventsReported,
      int lifeEventsFinal,
      int approvals,
      long rateLimited,
      long refreshes,
      long retried,
      int feedsOpened,
      long pushes,
      long readsOnPush,
      int usersStopped) {}

  /**
   * CPU seconds used during the run by the runtime's JVM and by the emulator, per final plan, and
   * the emulator's resident memory at the start, the end and its peak (MB). NaN where unmeasured.
   */
  public record Usage(
      double runtimeCpuSeconds,
      double emulatorCpuSeconds,
      double runtimeCpuPerPlan,
      double emulatorCpuPerPlan,
      double emulatorRssStartMb,
      double emulatorRssEndMb,
      double emulatorRssPeakMb,
      String measured) {}

  /** Nothing lost, duplicated or stuck. */
  public boolean correct() {
    return counts.lost == 0 && counts.duplicated == 0 && counts.stuck == 0;
  }

  /** Every user got as far as a plan, and nothing was lost, duplicated or stuck. */
  public boolean passed() {
    return correct() && counts.usersStopped == 0 && counts.accepted == users;
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("load-test.md"), markdown());
    Files.writeString(
        directory.resolve("load-test.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "`%s`, %s, started %s%n%n", command, machine, startedAt));
    md.append("| Figure | Value |\n|---|---|\n");
    row(md, "Virtual users (life event reported)", users + " (" + lifeEventUsers + ")");
    row(
        md,
        "Ramp-up; users in flight at the peak",
        fmt(rampUpSeconds) + " s; " + peakUsersInFlight);
    row(md, "Wall time", fmt(wallSeconds) + " s");
    row(
        md,
        "Throughput",
        fmt(plansFinalPerSecond) + " plans final/s, " + fmt(callsPerSecond) + " calls/s");
    row(
        md,
        "Submit to ACTIVE p50 / p95 / p99 / max",
        submitToActive.p50()
            + " / "
            + submitToActive.p95()
            + " / "
            + submitToActive.p99()
            + " / "
            + submitToActive.max()
            + " ms");
    row(
        md,
        "Plans accepted / ACTIVE / REJECTED / FAILED",
        counts.accepted + " / " + counts.active + " / " + counts.rejected + " / " + counts.failed);
    row(
        md,
        "**Lost / duplicated / stuck**",
        "**" + counts.lost + " / " + counts.duplicated + " / " + counts.stuck + "**");
    row(
        md,
        "Life events reported / reviewed to the end",
        counts.lifeEventsReported + " / " + counts.lifeEventsFinal);
    row(md, "Versions approved by their owners", Integer.toString(counts.approvals));
    row(
        md,
        "Users following on the WebSocket; pushes received; reads they prompted",
        counts.feedsOpened + "; " + counts.pushes + "; " + counts.readsOnPush);
    row(
        md,
        "429s waited out / token refreshes / retried calls / users stopped by a failed call",
        counts.rateLimited
            + " / "
            + counts.refreshes
            + " / "
            + counts.retried
            + " / "
            + counts.usersStopped);
    row(
        md,
        "CPU s: runtime JVM / emulator (per final plan)",
        fmt(usage.runtimeCpuSeconds)
            + " / "
            + fmt(usage.emulatorCpuSeconds)
            + " ("
            + fmt(usage.runtimeCpuPerPlan)
            + " / "
            + fmt(usage.emulatorCpuPerPlan)
            + ")");
    row(
        md,
        "Emulator RSS start / end / peak",
        fmt(usage.emulatorRssStartMb)
            + " / "
            + fmt(usage.emulatorRssEndMb)
            + " / "
            + fmt(usage.emulatorRssPeakMb)
            + " MB");
    md.append("\n| Call | Count | Failed | p50 ms | p95 ms | p99 ms | max ms |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    calls.forEach(
        (name, p) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d |%n",
                    name,
                    p.count(),
                    failedCalls.getOrDefault(name, 0L),
                    p.p50(),
                    p.p95(),
                    p.p99(),
                    p.max())));
    md.append("\nCPU measured: ").append(usage.measured).append('\n');
    if (!problems.isEmpty()) {
      md.append("\nProblems:\n\n");
      problems.forEach(p -> md.append("- ").append(p).append('\n'));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
  }
}
