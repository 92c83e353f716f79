package dev.finpilot.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEventsTest {

  private static final String MESSAGE_ID = "1a7b3c5d-2e4f-4a6b-8c9d-0e1f2a3b4c02";

  @TempDir Path dir;

  @Test
  void aRoundGivesEveryIdAFreshOneTheSameInEveryFileAndThePlanTheApiCreated() throws IOException {
    Path sample =
        sample(
            "retrieval",
            "{\"planId\": \""
                + SampleEvents.SAMPLE_PLAN_ID
                + "\", \"messageId\": \""
                + MESSAGE_ID
                + "\"}");
    Path other = sample("workflow", "{\"causationId\": \"" + MESSAGE_ID + "\"}");
    SampleEvents round = new SampleEvents(dir.resolve("round"), Instant.now());
    round.usePlan("plan-of-this-round");

    String first = Files.readString(round.write(sample));
    String second = Files.readString(round.write(other));

    assertThat(first).contains("\"planId\": \"plan-of-this-round\"").doesNotContain(MESSAGE_ID);
    String freshId = first.substring(first.indexOf("\"messageId\": \"") + 14, first.length() - 2);
    assertThat(second).isEqualTo("{\"causationId\": \"" + freshId + "\"}");
  }

  @Test
  void twoRoundsNeverShareAnId() throws IOException {
    Path sample = sample("retrieval", "{\"messageId\": \"" + MESSAGE_ID + "\"}");

    String first =
        Files.readString(new SampleEvents(dir.resolve("1"), Instant.now()).write(sample));
    String second =
        Files.readString(new SampleEvents(dir.resolve("2"), Instant.now()).write(sample));

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theScheduledTimeOfTheMonitorIsTheRoundsOwn() throws IOException {
    Path sample = sample("monitor", "{\"time\": \"2026-03-02T14:15:00Z\"}");

    String event =
        Files.readString(
            new SampleEvents(dir.resolve("round"), Instant.parse("2026-12-07T22:10:05.123Z"))
                .write(sample));

    assertThat(event).isEqualTo("{\"time\": \"2026-12-07T22:10:05Z\"}");
  }

  private Path sample(String folder, String text) throws IOException {
    Path file = dir.resolve("events").resolve(folder).resolve("event.json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
