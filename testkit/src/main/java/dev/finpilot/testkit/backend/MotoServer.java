package dev.finpilot.testkit.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server ({@code python -m moto.server}, see {@link #SERVER_SCRIPT}) this JVM started on a
 * free loopback port. Its output goes to {@code moto-<port>.log} in the log directory; a shutdown
 * hook stops it with the JVM.
 */
public final class MotoServer implements AwsBackend, AutoCloseable {

  static final String ACCOUNT_ID = "123456789012";
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(20);
  private static final long POLL_MILLIS = 100;
  private static final int PORT_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 15;
  private static final Duration RESTORE_DEADLINE = Duration.ofMinutes(30);

  /** The journal's file in the state directory, named by the script. */
  public static final String STATE_FILE = "emulator-state.jsonl";

  /**
   * {@code moto.server}'s own main with DynamoDB requests handled one at a time, that exits with
   * the JVM that started it (even after {@code kill -9}) and, given a state directory, journals
   * what the stack holds there: see the script's own description.
   */
  private static final String SERVER_SCRIPT = "moto_server.py";

  /** The variable that tells the script where to keep its journal. */
  static final String STATE_VARIABLE = "FINPILOT_EMULATOR_STATE";

  static final String TTL_SWEEP_VARIABLE = "FINPILOT_TTL_SWEEP_SECONDS";

  /** The sweep period that turns the sweep off. */
  static final String TTL_SWEEP_OFF = "0";

  private static final String RESTORE_PATH = "/moto-api/finpilot/restore";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http;
  private final Optional<Path> stateDirectory;

  private MotoServer(
      Process process, int port, Path log, HttpClient http, Optional<Path> stateDirectory) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.http = http;
    this.stateDirectory = stateDirectory;
  }

  /**
   * Starts moto with the given interpreter and waits until it answers. A port taken between
   * choosing and binding it (the server exits at once) is retried on another free port.
   */
  public static MotoServer start(Path python, Path logDirectory) {
    return start(python, logDirectory, Optional.empty());
  }

  /**
   * Like {@link #start(Path, Path)}; with a state directory the server journals the stack's items
   * and messages there, and {@link #restoreState()} brings back what an earlier server kept.
   */
  public static MotoServer start(Path python, Path logDirectory, Optional<Path> stateDirectory) {
    return start(python, logDirectory, stateDirectory, Map.of());
  }

  /** Like {@link #start(Path, Path, Optional)}, with these variables set for the server. */
  static MotoServer start(
      Path python,
      Path logDirectory,
      Optional<Path> stateDirectory,
      Map<String, String> environment) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      MotoServer server =
          launch(python, logDirectory, freePort(), http, stateDirectory, environment);
      try {
        server.awaitReady();
        Runtime.getRuntime()
            .addShutdownHook(new Thread(server::close, "moto-shutdown-" + server.port));
        return server;
      } catch (IllegalStateException e) {
        server.close();
        last = e;
        if (server.process.isAlive()) {
          break;
        }
      }
    }
    throw last;
  }

  @Override
  public String description() {
    return "moto 127.0.0.1:" + port + " (log " + log + ")";
  }

  @Override
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public String accountId() {
    return ACCOUNT_ID;
  }

  @Override
  public boolean reset() {
    try {
      int status = postReset();
      if (status != 200) {
        throw new IllegalStateException("moto reset answered HTTP " + status + "; see " + log);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset failed; see " + log, e);
    }
  }

  /**
   * Replays the journal of the state directory into this server, compacts it and starts journaling;
   * call it once, when the template's tables and queues exist (writes before it are not kept).
   */
  @Override
  public Optional<RestoredState> restoreState() {
    if (stateDirectory.isEmpty()) {
      return Optional.empty();
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve(RESTORE_PATH))
            .timeout(RESTORE_DEADLINE)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "restoring the emulator's state answered HTTP "
                + response.statusCode()
                + "; see "
                + log);
      }
      return Optional.of(
          RestoredState.fromJson(
              JSON.readTree(response.body()), stateDirectory.get().resolve(STATE_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException("restoring the emulator's state failed; see " + log, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while restoring the emulator's state", e);
    }
  }

  public Path log() {
    return log;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Kills the server as {@code kill -9} does: it has no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static MotoServer launch(
      Path python,
      Path logDirectory,
      int port,
      HttpClient http,
      Optional<Path> stateDirectory,
      Map<String, String> environment) {
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve("moto-" + port + ".log").toAbsolutePath();
      ProcessBuilder builder =
          new ProcessBuilder(
                  python.toString(),
                  "-c",
                  script(),
                  "-H",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      stateDirectory.ifPresent(
          directory ->
              builder.environment().put(STATE_VARIABLE, directory.toAbsolutePath().toString()));
      return new MotoServer(builder.start(), port, log, http, stateDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + python + " -m moto.server", e);
    }
  }

  /** Polls the reset endpoint (which also answers readiness) until 200, death or the deadline. */
  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (postReset() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // Expected until the server has bound its port.
      } catch (IOException e) {
        throw new IllegalStateException("moto on port " + port + " failed: " + e, e);
      }
      try {
        if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "moto exited with code " + process.exitValue() + " before answering:\n" + logTail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for moto", e);
      }
    }
    throw new IllegalStateException(
        "moto did not answer on port " + port + " within " + STARTUP_DEADLINE + ":\n" + logTail());
  }

  private static String script() throws IOException {
    try (InputStream in = MotoServer.class.getResourceAsStream(SERVER_SCRIPT)) {
      if (in == null) {
        throw new IOException(SERVER_SCRIPT + " is missing from the testkit's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private int postReset() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while calling moto", e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port for moto", e);
    }
  }
}
