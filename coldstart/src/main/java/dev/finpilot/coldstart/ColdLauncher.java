package dev.finpilot.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts one fresh JVM on an unzipped package, as the Lambda Java runtime does ({@code -cp
 * DIR:DIR/lib/*}, serial GC, a heap of 85% of the function's memory, its environment, {@code
 * JAVA_TOOL_OPTIONS} included), runs {@link ColdStartProbe} in it and times it.
 */
final class ColdLauncher {

  private static final long TIMEOUT_SECONDS = 120;

  private final Path java;
  private final String probeClassPath;
  private final Map<String, String> sharedEnvironment;

  /**
   * @param sharedEnvironment what Lambda sets in every function (region, credentials, the
   *     emulator's endpoint), before the function's own variables
   */
  ColdLauncher(Map<String, String> sharedEnvironment) {
    this.java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    this.probeClassPath =
        location(ColdStartProbe.class)
            + File.pathSeparator
            + location(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class);
    this.sharedEnvironment = Map.copyOf(sharedEnvironment);
  }

  /** Runs {@code subject} from {@code packageDir} on {@code event}; {@code work} keeps its logs. */
  ColdRun run(Subject subject, Path packageDir, Path event, Path work) throws IOException {
    Files.createDirectories(work);
    Path result = work.resolve("result.txt");
    Path classes = work.resolve("classes.log");
    Files.deleteIfExists(result);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + subject.memorySizeMb() * 85 / 100 + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-Xlog:class+load=info:file=" + classes);
    command.add("-cp");
    command.add(
        probeClassPath
            + File.pathSeparator
            + packageDir
            + File.pathSeparator
            + packageDir.resolve("lib")
            + File.separator
            + "*");
    command.add(ColdStartProbe.class.getName());
    command.add(subject.handlerClass());
    command.add(event.toString());
    command.add(result.toString());

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(packageDir.toFile())
            .redirectOutput(work.resolve("stdout.log").toFile())
            .redirectError(work.resolve("stderr.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(sharedEnvironment);
    builder.environment().putAll(subject.environment());
    builder.environment().put("LAMBDA_TASK_ROOT", packageDir.toString());

    long launched = System.currentTimeMillis();
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(subject.name() + " did not answer; see " + work);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (process.exitValue() != 0 || !Files.exists(result)) {
      throw new IllegalStateException(
          subject.name()
              + " exited with "
              + process.exitValue()
              + "; see "
              + work.resolve("stderr.log"));
    }
    List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
    long constructed = Long.parseLong(lines.get(0));
    long answered = Long.parseLong(lines.get(1));
    return new ColdRun(
        constructed - launched,
        answered - constructed,
        answered - launched,
        lines(classes),
        lines.get(2));
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
