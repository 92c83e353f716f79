package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.local.HttpApiServer;
import dev.finpilot.local.StackRuntime;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test in small: 20 users, starting over 10 seconds, against the local runtime in this
 * JVM, every plan final (ACTIVE, or REJECTED for goals out of reach; none FAILED) with nothing
 * lost, duplicated or stuck, and a report with every figure.
 */
@WithAwsBackend
class LoadTestIT {

  private static final int USERS = 20;
  private static final Duration RAMP_UP = Duration.ofSeconds(10);

  @Test
  void twentyUsersAllReachAFinalStateAndTheReportHasEveryFigure(Environment env, @TempDir Path out)
      throws Exception {
    StackRuntime runtime = StackRuntime.start(env, SamTemplate.read(TemplateLocator.locate()), 2);
    LoadReport report;
    try (HttpApiServer server = HttpApiServer.start(runtime, 0)) {
      LoadOptions options = LoadOptions.local(USERS, 0.25, Duration.ofMinutes(8), RAMP_UP, 7, out);
      report =
          new LoadRun(
                  options,
                  URI.create("http://127.0.0.1:" + server.port()),
                  Optional.empty(),
                  inThisJvm(),
                  "LoadTestIT")
              .run();
      report.write(out);
    } finally {
      runtime.close();
    }
    System.out.println(report.markdown());

    LoadReport.Counts counts = report.counts();
    // REJECTED is a correct end for a household whose goals are out of reach; FAILED is not.
    assertThat(counts.lost()).isZero();
    assertThat(counts.duplicated()).isZero();
    assertThat(counts.stuck()).isZero();
    assertThat(counts.accepted()).isEqualTo(USERS);
    assertThat(counts.active() + counts.rejected()).isEqualTo(USERS);
    assertThat(counts.active()).isPositive();
    assertThat(counts.failed()).isZero();
    assertThat(counts.usersStopped()).isZero();
    assertThat(counts.lifeEventsFinal()).isEqualTo(counts.lifeEventsReported());
    assertThat(report.passed()).isTrue();
    assertThat(report.rampUpSeconds()).isEqualTo(10.0);
    // Spread starts still overlap (a session outlasts the half second between two starts), and
    // the peak counts users, never more than took part.
    assertThat(report.peakUsersInFlight()).isBetween(2, USERS);

    assertThat(report.calls())
        .containsKeys(
            "register",
            "login",
            "submit",
            "poll",
            "read-plan",
            "read-version",
            "read-history",
            "check-plan",
            "check-history",
            "check-ledger");
    assertThat(report.calls().get("submit").count()).isEqualTo(USERS);
    report
        .calls()
        .forEach(
            (call, p) ->
                assertThat(p.p50())
                    .as(call)
                    .isLessThanOrEqualTo(p.p95())
                    .isLessThanOrEqualTo(p.p99()));
    assertThat(report.submitToActive().count()).isEqualTo(counts.active());
    assertThat(report.submitToActive().p50()).isPositive();
    assertThat(report.plansFinalPerSecond()).isPositive();
    assertThat(report.usage().runtimeCpuSeconds()).isPositive();
    assertThat(report.usage().emulatorCpuSeconds()).isPositive();
    assertThat(report.usage().emulatorRssEndMb()).isPositive();

    String markdown = Files.readString(out.resolve("load-test.md"));
    assertThat(markdown)
        .contains("| **Lost / duplicated / stuck** | **0 / 0 / 0** |")
        .contains("Submit to ACTIVE p50 / p95 / p99 / max")
        .contains("CPU s: runtime JVM / emulator")
        .contains("| Ramp-up; users in flight at the peak | 10.0 s; ")
        .contains("| submit | " + USERS + " |");
    JsonNode json = Json.readTree(Files.readString(out.resolve("load-test.json")));
    assertThat(json.path("counts").path("stuck").asInt(-1)).isZero();
    assertThat(json.path("calls").path("poll").path("p99").isNumber()).isTrue();
    assertThat(json.path("usage").path("emulatorCpuSeconds").asDouble()).isPositive();
  }

  /** The runtime is this JVM (the load driver's threads included); the emulator its moto child. */
  static LoadRun.Measured inThisJvm() {
    return new LoadRun.Measured(
        () -> Optional.of(ProcessHandle.current()),
        () -> ProcessUsage.emulatorUnder(ProcessHandle.current()),
        "/proc of this JVM (runtime and load driver together) and of its moto child");
  }
}
