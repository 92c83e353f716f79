package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.testkit.WithAwsBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime as a user runs it: {@code bin/local}'s java command as a separate process with
 * its own state directory and ports, showing a first plan on a start with no users, the CLI against
 * it (register, plan, follow to ACTIVE, report, export), a stop with SIGTERM and a start on the
 * same state, where the plan is still there, then erasure and a last stop; after each stop no
 * process the runtime started is left.
 */
@WithAwsBackend
class LocalProcessIT {
  private static final String PASSWORD = "correct horse battery staple\n";

  @TempDir Path temp;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopWhatIsLeft() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theRuntimeKeepsAPlanAcrossARestartAndLeavesNoProcessBehind() throws Exception {
    int port = freePort();
    int websocketPort = freePort();
    Path home = Files.createDirectories(temp.resolve("finpilot-home"));
    CliRunner cli =
        new CliRunner(temp.resolve("config"), "http://127.0.0.1:" + port)
            .env("FINPILOT_WS", "ws://127.0.0.1:" + websocketPort + "/");

    Process first = start(home, port, websocketPort, "first");
    // With no users yet, bin/local's runtime shows a first plan through bin/finpilot.
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> Files.readString(temp.resolve("local-first.log")).contains("Your own:"));
    assertThat(Files.readString(temp.resolve("local-first.log")))
        .contains("A first plan")
        .containsPattern("Plan [0-9a-f-]{36}: ACTIVE")
        .doesNotContain("could not be shown");
    ok(cli.runWithInput(PASSWORD, "register", "--email", "lin@example.com"));
    CliRunner.Result planned =
        ok(
            cli.run(
                "plan",
                "retire at 63 with $1.1M",
                "--state",
                ExampleHouseholds.root().resolve("examples/near-retiree.json").toString()));
    String planId = planned.out().replaceAll("(?s).*plan ([0-9a-f-]{36}) submitted.*", "$1");
    assertThat(planned.out()).contains("Plan " + planId + ": ACTIVE");

    Path report = temp.resolve("report.html");
    ok(cli.run("report", planId, "--html", report.toString()));
    assertThat(Files.readString(report)).containsIgnoringCase("<html").contains("</html>");
    Path export = temp.resolve("export.json");
    ok(cli.run("export", "--out", export.toString()));
    assertThat(Files.readString(export)).contains(planId).contains("lin@example.com");

    stop(first);

    Process second = start(home, port, websocketPort, "second");
    assertThat(Files.readString(temp.resolve("local-second.log"))).doesNotContain("A first plan");
    JsonNode again = ok(cli.run("show", planId, "--json")).json();
    assertThat(again.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(again.path("activeVersion").asInt()).isEqualTo(1);

    ok(cli.run("erase", "--yes"));
    ok(cli.runWithInput(PASSWORD, "register", "--email", "other@example.com"));
    assertThat(cli.run("show", planId).exit()).isEqualTo(ExitCodes.NOT_FOUND);

    stop(second);
  }

  /** Starts the runtime as bin/local does, and waits until it says it is serving. */
  private Process start(Path home, int port, int websocketPort, String name) throws IOException {
    Path root = ExampleHouseholds.root();
    String classpath =
        root.resolve("local/target/classes")
            + ":"
            + Files.readString(root.resolve("local/target/runtime-classpath.txt")).trim();
    Path log = temp.resolve("local-" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dfinpilot.testkit.env.PlanningFunction.PLANNING_PATHS=1000",
                "-cp",
                classpath,
                "dev.finpilot.local.LocalRunner")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("FINPILOT_HOME", home.toString());
    env.put("FINPILOT_PORT", String.valueOf(port));
    env.put("FINPILOT_WS_PORT", String.valueOf(websocketPort));
    env.put("FINPILOT_MONITOR_INTERVAL", "PT1H");
    env.put("POWERTOOLS_METRICS_DISABLED", "true");
    env.put("FINPILOT_FIRST_PLAN", "1");
    // The first plan's command line keeps its session here, not in the user's own config.
    env.put("XDG_CONFIG_HOME", temp.resolve("first-plan-config").toString());
    Process process = builder.start();
    started.add(process);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .failFast(
            () ->
                assertThat(process.isAlive())
                    .as("the runtime ended; it printed:%n%s", Files.readString(log))
                    .isTrue())
        .until(
            () -> {
              String printed = Files.readString(log);
              return printed.contains("FinPilot is running")
                  && printed.contains("API:       http://127.0.0.1:" + port);
            });
    return process;
  }

  /** SIGTERM, as Ctrl-C or `kill` sends; then nothing the runtime started may be left. */
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    if (System.getenv("AWS_ENDPOINT_URL") == null) {
      // Without an emulator of the user's own, the runtime starts moto: the check below is real.
      assertThat(children).as("the runtime started its emulator").isNotEmpty();
    }
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
  }

  private static CliRunner.Result ok(CliRunner.Result result) {
    assertThat(result.exit()).as(result.toString()).isZero();
    return result;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
