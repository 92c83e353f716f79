package dev.finpilot.local;

import static org.awaitility.Awaitility.await;

import dev.finpilot.testkit.EnvironmentOverrides;
import dev.finpilot.testkit.backend.AwsBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/local}'s Java process ({@link LocalRunner}) started as a user starts it, with its own
 * state directory and ports, and this test JVM's function overrides (fewer Monte Carlo paths,
 * offline market data).
 */
final class LocalRuntimeProcess {

  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  private static final Pattern MOTO_PORT = Pattern.compile("emulator moto 127\\.0\\.0\\.1:(\\d+)");

  final Process process;
  final Path output;
  final int httpPort;
  final int webSocketPort;

  private LocalRuntimeProcess(Process process, Path output, int httpPort, int webSocketPort) {
    this.process = process;
    this.output = output;
    this.httpPort = httpPort;
    this.webSocketPort = webSocketPort;
  }

  static LocalRuntimeProcess start(Path home, int httpPort, int webSocketPort) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(EnvironmentOverrides.PREFIX)) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.add("-D" + AwsBackends.LOG_DIRECTORY_PROPERTY + "=" + home.resolve("logs"));
    command.add(LocalRunner.class.getName());
    Path output = Files.createTempFile(home, "local-runtime", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("AWS_ENDPOINT_URL");
    builder.environment().put("FINPILOT_HOME", home.toString());
    builder.environment().put("FINPILOT_PORT", Integer.toString(httpPort));
    builder.environment().put("FINPILOT_WS_PORT", Integer.toString(webSocketPort));
    builder.environment().put("POWERTOOLS_METRICS_DISABLED", "true");
    LocalRuntimeProcess runtime =
        new LocalRuntimeProcess(builder.start(), output, httpPort, webSocketPort);
    await()
        .atMost(START_PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> runtime.output().contains("Ctrl-C to stop") || !runtime.process.isAlive());
    if (!runtime.process.isAlive()) {
      throw new IllegalStateException("the local runtime ended at start:\n" + runtime.output());
    }
    return runtime;
  }

  URI api(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  URI webSocket(String token) {
    return URI.create("ws://127.0.0.1:" + webSocketPort + "/?token=" + token);
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int motoPort() {
    Matcher port = MOTO_PORT.matcher(output());
    if (!port.find()) {
      throw new IllegalStateException("no moto port in the output:\n" + output());
    }
    return Integer.parseInt(port.group(1));
  }

  /** {@code kill -9}: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as Ctrl-C in a terminal or {@code kill}: shutdown hooks run. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the local runtime did not stop on SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
