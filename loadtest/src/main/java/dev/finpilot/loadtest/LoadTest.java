package dev.finpilot.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bin/load-test}: the load run against {@code --api}, or against the local runtime started
 * for it in a temporary FINPILOT_HOME and stopped afterwards. Prints the Markdown report, writes it
 * with the JSON one to {@code --out}, and exits 1 when a plan was lost, duplicated or stuck.
 */
public final class LoadTest {

  private LoadTest() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bin/load-test: " + e.getMessage());
      System.err.println(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    String command = "bin/load-test " + String.join(" ", args);
    Files.createDirectories(options.output());
    LoadReport report;
    if (options.api().isPresent()) {
      URI api = options.api().get();
      report =
          new LoadRun(
                  options,
                  api,
                  options.webSocket(),
                  new LoadRun.Measured(
                      Optional::empty, Optional::empty, "not measured: the API runs elsewhere"),
                  command)
              .run();
    } else {
      Path home = Files.createTempDirectory("finpilot-load-");
      Path log = options.output().resolve("runtime.log").toAbsolutePath();
      System.out.println(
          "Starting the local runtime (FINPILOT_HOME " + home + ", log " + log + ")");
      try (LocalRuntimeProcess runtime = LocalRuntimeProcess.start(home, log)) {
        // Ctrl-C stops the runtime (and its emulator) too.
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "stop-local-runtime"));
        System.out.println("Running " + options.users() + " users against " + runtime.api());
        report =
            new LoadRun(
                    options,
                    runtime.api(),
                    Optional.of(runtime.webSocket()),
                    localMeasures(runtime),
                    command)
                .run();
      } finally {
        deleteTree(home);
      }
    }
    report.write(options.output());
    System.out.println(report.markdown());
    System.out.println(
        "Report: " + options.output().resolve("load-test.md") + " and load-test.json");
    if (!report.passed()) {
      System.err.println(
          "bin/load-test: plans were lost, duplicated or stuck, or users could not submit theirs"
              + " (see Problems)");
      System.exit(1);
    }
  }

  static LoadRun.Measured localMeasures(LocalRuntimeProcess runtime) {
    return new LoadRun.Measured(
        () -> Optional.of(runtime.handle()),
        runtime::emulator,
        "/proc/<pid>/stat of the runtime's JVM (pid "
            + runtime.handle().pid()
            + ") and of the moto process it started, from the first call to the last check");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
