package dev.finpilot.loadtest;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The latency of every call type (and of submit-to-ACTIVE), in HdrHistograms of milliseconds. */
final class Latencies {

  /** Up to an hour at three significant digits. */
  private static final long HIGHEST_MILLIS = TimeUnit.HOURS.toMillis(1);

  private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
  private final Map<String, Histogram> totals = new ConcurrentHashMap<>();

  void record(String name, Duration elapsed) {
    recorders
        .computeIfAbsent(name, n -> new Recorder(HIGHEST_MILLIS, 3))
        .recordValue(Math.min(HIGHEST_MILLIS, Math.max(0, elapsed.toMillis())));
  }

  /** Each name's percentiles over everything recorded so far. */
  synchronized Map<String, Percentiles> summary() {
    Map<String, Percentiles> summary = new TreeMap<>();
    recorders.forEach(
        (name, recorder) -> {
          Histogram total = totals.computeIfAbsent(name, n -> new Histogram(HIGHEST_MILLIS, 3));
          total.add(recorder.getIntervalHistogram());
          summary.put(name, Percentiles.of(total));
        });
    return summary;
  }

  /** Count and percentiles in milliseconds. */
  record Percentiles(long count, long p50, long p95, long p99, long max) {
    static Percentiles of(Histogram histogram) {
      return new Percentiles(
          histogram.getTotalCount(),
          histogram.getValueAtPercentile(50),
          histogram.getValueAtPercentile(95),
          histogram.getValueAtPercentile(99),
          histogram.getMaxValue());
    }
  }
}
