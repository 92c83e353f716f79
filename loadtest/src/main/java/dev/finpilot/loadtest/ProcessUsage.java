package dev.finpilot.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU seconds and resident memory of a process, read from {@code /proc/<pid>/stat} and {@code
 * /proc/<pid>/status} (Linux). Empty where there is no such process or no /proc.
 *
 * @param cpuSeconds user plus system time the process has used since it started
 * @param rssMegabytes its resident set now
 */
record ProcessUsage(double cpuSeconds, double rssMegabytes) {

  /** Clock ticks per second of utime and stime: USER_HZ, 100 on every Linux architecture. */
  private static final double TICKS_PER_SECOND = 100.0;

  static Optional<ProcessUsage> of(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      String stat = Files.readString(proc.resolve("stat"));
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis
      // start at field 3, so utime and stime (fields 14 and 15) are at 11 and 12.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      double rssKb = 0;
      for (String line : Files.readAllLines(proc.resolve("status"))) {
        if (line.startsWith("VmRSS:")) {
          rssKb = Double.parseDouble(line.substring(6).trim().split("\\s+")[0]);
        }
      }
      return Optional.of(new ProcessUsage(ticks / TICKS_PER_SECOND, rssKb / 1024));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The emulator: the moto process among {@code parent}'s descendants, if it started one. */
  static Optional<ProcessHandle> emulatorUnder(ProcessHandle parent) {
    return parent
        .descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("moto")).orElse(false))
        .findFirst();
  }
}
