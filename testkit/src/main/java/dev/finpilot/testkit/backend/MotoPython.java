package dev.finpilot.testkit.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Finds a Python interpreter that can run {@code python3 -m moto.server}: {@code
 * FINPILOT_MOTO_PYTHON} if set, else {@code python3} on the PATH, else the pyenv installations.
 * Returns the interpreter's real path ({@code sys.executable}), so no shim sits between the JVM and
 * the server process it later stops.
 */
public final class MotoPython {

  private static final String PROBE =
      "import sys, moto.server, flask, flask_cors; print(sys.executable)";
  private static final long PROBE_TIMEOUT_SECONDS = 30;

  private MotoPython() {}

  public static Optional<Path> find(UnaryOperator<String> env) {
    for (String candidate : candidates(env)) {
      Optional<Path> python = probe(candidate);
      if (python.isPresent()) {
        return python;
      }
    }
    return Optional.empty();
  }

  private static List<String> candidates(UnaryOperator<String> env) {
    String configured = env.apply("FINPILOT_MOTO_PYTHON");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured);
    }
    List<String> candidates = new ArrayList<>(List.of("python3"));
    String pyenvRoot = env.apply("PYENV_ROOT");
    Path versions =
        (pyenvRoot == null
                ? Path.of(System.getProperty("user.home"), ".pyenv")
                : Path.of(pyenvRoot))
            .resolve("versions");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> installed = Files.list(versions)) {
        installed
            .sorted(Comparator.reverseOrder())
            .map(v -> v.resolve("bin/python3"))
            .filter(Files::isExecutable)
            .forEach(p -> candidates.add(p.toString()));
      } catch (IOException e) {
        // An unreadable pyenv folder only removes candidates.
      }
    }
    return candidates;
  }

  static Optional<Path> probe(String python) {
    try {
      Process process = new ProcessBuilder(python, "-c", PROBE).redirectErrorStream(true).start();
      if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = output.strip().lines().toList();
      if (process.exitValue() != 0 || lines.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Path.of(lines.get(lines.size() - 1).strip()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
