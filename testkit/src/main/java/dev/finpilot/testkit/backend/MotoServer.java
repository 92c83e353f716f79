package dev.finpilot.testkit.backend;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * A moto server ({@code python -m moto.server}, see {@link #SERVER}) this JVM started on a free
 * loopback port. Its output goes to {@code moto-<port>.log} in the log directory; a shutdown hook
 * stops it with the JVM.
 */
public final class MotoServer implements AwsBackend, AutoCloseable {

  static final String ACCOUNT_ID = "123456789012";
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(20);
  private static final long POLL_MILLIS = 100;
  private static final int PORT_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 15;

  /**
   * {@code moto.server}'s own main, with DynamoDB requests handled one at a time, that exits with
   * the JVM that started it. Moto serves requests on parallel threads without locking its DynamoDB
   * tables, so two conditional writes to one item could both pass their condition; DynamoDB itself
   * applies them to an item one after the other, and the code under test relies on that (request
   * budgets, leases). The server's stdin is a pipe from this JVM: the operating system closes it
   * when the JVM ends in any way, {@code kill -9} included, where no shutdown hook runs, so the
   * server reads to the end of it and then exits instead of living on, re-parented.
   */
  private static final String SERVER =
      String.join(
          "\n",
          "import os, sys, threading",
          "def exit_with_parent():",
          "    sys.stdin.buffer.read()",
          "    os._exit(0)",
          "threading.Thread(target=exit_with_parent, daemon=True).start()",
          "import moto.server as server",
          "lock = threading.Lock()",
          "run = server.run_simple",
          "def one_at_a_time(app):",
          "    def serve(environ, start_response):",
          "        if environ.get('HTTP_X_AMZ_TARGET', '').startswith('DynamoDB_'):",
          "            with lock:",
          "                return app(environ, start_response)",
          "        return app(environ, start_response)",
          "    return serve",
          "server.run_simple = lambda host, port, app, **options: run(host, port,"
              + " one_at_a_time(app), **options)",
          "server.main(sys.argv[1:])");

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http;

  private MotoServer(Process process, int port, Path log, HttpClient http) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.http = http;
  }

  /**
   * Starts moto with the given interpreter and waits until it answers. A port taken between
   * choosing and binding it (the server exits at once) is retried on another free port.
   */
  public static MotoServer start(Path python, Path logDirectory) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      MotoServer server = launch(python, logDirectory, freePort(), http);
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

  public Path log() {
    return log;
  }

  public boolean isRunning() {
    return process.isAlive();
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

  private static MotoServer launch(Path python, Path logDirectory, int port, HttpClient http) {
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve("moto-" + port + ".log").toAbsolutePath();
      Process process =
          new ProcessBuilder(
                  python.toString(), "-c", SERVER, "-H", "127.0.0.1", "-p", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new MotoServer(process, port, log, http);
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
