package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bin/load-test does, in small: the local runtime as a child process (bin/local's runner, its
 * own emulator), and users who follow their plans on its WebSocket rather than by polling.
 */
class FollowOnWebSocketIT {

  private static final int USERS = 4;

  @Test
  void usersFollowTheirPlansOnPushesAndEveryPlanEnds(@TempDir Path home, @TempDir Path out)
      throws Exception {
    LoadReport report;
    try (LocalRuntimeProcess runtime =
        LocalRuntimeProcess.start(home, out.resolve("runtime.log"))) {
      LoadOptions options =
          LoadOptions.local(USERS, 0.25, Duration.ofMinutes(10), Duration.ZERO, 11, out);
      report =
          new LoadRun(
                  options,
                  runtime.api(),
                  Optional.of(runtime.webSocket()),
                  LoadTest.localMeasures(runtime),
                  "FollowOnWebSocketIT")
              .run();
    }
    System.out.println(report.markdown());

    LoadReport.Counts counts = report.counts();
    assertThat(report.passed()).as(String.join("\n", report.problems())).isTrue();
    assertThat(counts.active() + counts.rejected()).isEqualTo(USERS);
    assertThat(counts.feedsOpened()).isEqualTo(USERS);
    // Every plan passes through at least retrieval, planning, verification and an end: each step
    // is pushed to its owner.
    assertThat(counts.pushes()).isGreaterThanOrEqualTo(4L * USERS);
    assertThat(counts.lifeEventsFinal()).isEqualTo(counts.lifeEventsReported()).isEqualTo(1);
    // Each plan's move to ACTIVE is pushed to a user who is waiting for it: the push, not a timer,
    // prompts the read that sees it.
    assertThat(counts.readsOnPush()).isGreaterThanOrEqualTo(USERS);
    assertThat(Files.readString(out.resolve("runtime.log"))).contains("WebSocket:");
  }
}
