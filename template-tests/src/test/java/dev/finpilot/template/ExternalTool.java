package dev.finpilot.template;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a command-line tool (cfn-lint, python3) from the project root. A tool that is not installed
 * skips the test on a developer machine but fails it under {@code CI=true}, where it must exist.
 */
final class ExternalTool {

  private static final long TIMEOUT_MINUTES = 5;

  private ExternalTool() {}

  /** Exit code and combined stdout/stderr of one finished run. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      missing(command.get(0) + " is not on the PATH (" + e.getMessage() + ")");
      throw new AssertionError("unreachable", e);
    }
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        Assertions.fail(String.join(" ", command) + " did not finish within 5 minutes");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Skips the calling test, or fails it under CI, because a required tool is unavailable. */
  static void missing(String why) {
    String message =
        why + "; install it (pip install cfn-lint aws-sam-translator) to run this check";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message + " (required under CI=true)");
    }
    Assumptions.abort(message);
  }
}
