package dev.finpilot.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local runtime ({@code dev.finpilot.local.LocalRunner}, what bin/local runs) as a child JVM on
 * this class path, with its own FINPILOT_HOME and port, so its CPU and the emulator's are measured
 * apart from the load driver's. It can be killed (SIGKILL) and started again on the same home and
 * port.
 */
final class LocalRuntimeProcess implements AutoCloseable {

  private static final Duration START_PATIENCE = Duration.ofMinutes(10);

  private final Path home;
  private final int port;
  private final int webSocketPort;
  private final Path log;
  private volatile Process process;

  private LocalRuntimeProcess(Path home, int port, int webSocketPort, Path log) {
    this.home = home;
    this.port = port;
    this.webSocketPort = webSocketPort;
    this.log = log;
  }

  /** Starts the runtime in {@code home} (its state directory is {@code home/local}). */
  static LocalRuntimeProcess start(Path home, Path log) {
    LocalRuntimeProcess runtime = new LocalRuntimeProcess(home, freePort(), freePort(), log);
    try {
      runtime.launch();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  URI api() {
    return URI.create("http://127.0.0.1:" + port);
  }

  URI webSocket() {
    return URI.create("ws://127.0.0.1:" + webSocketPort + "/");
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  Optional<ProcessHandle> emulator() {
    return ProcessUsage.emulatorUnder(process.toHandle());
  }

  /** SIGKILL, as a crash would end it: no shutdown hook runs. */
  synchronized void kill() {
    List<ProcessHandle> children = new ArrayList<>(process.toHandle().descendants().toList());
    process.destroyForcibly();
    awaitExit(process.toHandle());
    // The emulator the runtime started is a child of it; a crashed machine loses both.
    children.forEach(ProcessHandle::destroyForcibly);
    children.forEach(LocalRuntimeProcess::awaitExit);
  }

  /** Starts the runtime again on the same home and port. */
  synchronized void restart() {
    launch();
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getenv("FINPILOT_RUNTIME_JAVA_OPTS");
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.trim().split("\\s+")));
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.finpilot.local.LocalRunner"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("FINPILOT_HOME", home.toString());
    builder.environment().put("FINPILOT_PORT", Integer.toString(port));
    builder.environment().put("FINPILOT_WS_PORT", Integer.toString(webSocketPort));
    builder.environment().putIfAbsent("POWERTOOLS_METRICS_DISABLED", "true");
    try {
      Files.createDirectories(home);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local runtime", e);
    }
    awaitServing();
  }

  private void awaitServing() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(api().resolve("/health")).timeout(Duration.ofSeconds(30)).build();
    Instant deadline = Instant.now().plus(START_PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the local runtime exited with " + process.exitValue() + "; see " + log);
      }
      try {
        // Any answer means the API is served; /health itself may answer 503 while the emulator
        // is slow to describe its tables on a loaded machine.
        http.send(health, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the local runtime started", e);
      }
      ApiClient.pause(Duration.ofMillis(500), deadline);
    }
    throw new IllegalStateException(
        "the local runtime did not serve /health within " + START_PATIENCE + "; see " + log);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitExit(ProcessHandle handle) {
    handle.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  /** Stops the runtime as Ctrl-C does: its shutdown hook stops the emulator. */
  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroy();
    try {
      process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    } catch (java.util.concurrent.CompletionException e) {
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
