package dev.finpilot.coldstart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The runs of every subject, summarised as medians in one Markdown table. */
final class ColdStartTable {

  private final Map<Subject, List<ColdRun>> runs = new LinkedHashMap<>();
  private final Map<Subject, Double> packageMegabytes = new LinkedHashMap<>();

  void add(Subject subject, double megabytes, ColdRun run) {
    packageMegabytes.put(subject, megabytes);
    runs.computeIfAbsent(subject, s -> new ArrayList<>()).add(run);
  }

  /** The median of one measure over a subject's runs (the lower middle one of an even count). */
  static long median(List<ColdRun> runs, ToLongFunction<ColdRun> measure) {
    long[] values = runs.stream().mapToLong(measure).sorted().toArray();
    return values[(values.length - 1) / 2];
  }

  String markdown() {
    Subject floor =
        runs.keySet().stream()
            .filter(Subject::minimal)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no run of the minimal handler"));
    long floorInit = median(runs.get(floor), ColdRun::initMs);
    long floorTotal = median(runs.get(floor), ColdRun::endToEndMs);
    StringBuilder table =
        new StringBuilder(
            "| Function | Package (MB) | Classes loaded | INIT (ms) | First invoke (ms) |"
                + " End to end (ms) | INIT vs minimal | End to end vs minimal |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    runs.forEach(
        (subject, of) -> {
          long init = median(of, ColdRun::initMs);
          long total = median(of, ColdRun::endToEndMs);
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %d | %d | %d | %d | %.2fx | %.2fx |%n",
                  subject.name(),
                  packageMegabytes.get(subject),
                  median(of, ColdRun::classesLoaded),
                  init,
                  median(of, ColdRun::firstInvokeMs),
                  total,
                  (double) init / floorInit,
                  (double) total / floorTotal));
        });
    return table.toString();
  }
}
