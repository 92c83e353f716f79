package dev.finpilot.coldstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample events of one round of runs. events/ describes one plan with fixed ids; each round
 * gets fresh ones (the same fresh id wherever the files share an id), so no run meets the
 * idempotency record, the plan state or the monitor run an earlier run left: every run does the
 * work a first delivery does. The plan id is the one the API created in this round.
 */
final class SampleEvents {

  /** The plan every file in events/ describes (events/README.md). */
  static final String SAMPLE_PLAN_ID = "3f6c1d2e-8a4b-4c9d-9e7f-1a2b3c4d5e6f";

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The time that names a scheduled monitor run (events/monitor/scheduled.json). */
  private static final Pattern SCHEDULED_TIME =
      Pattern.compile("\"time\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");

  private final Map<String, String> ids = new HashMap<>();
  private final Path directory;
  private final Instant scheduledFor;

  SampleEvents(Path directory, Instant now) {
    this.directory = directory;
    this.scheduledFor = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** From now on {@link #SAMPLE_PLAN_ID} stands for {@code planId}. */
  void usePlan(String planId) {
    ids.put(SAMPLE_PLAN_ID, planId);
  }

  /** {@code sample} with this round's ids, written to a file in this round's directory. */
  Path write(Path sample) throws IOException {
    String text = Files.readString(sample, StandardCharsets.UTF_8);
    Matcher uuids = UUID_TEXT.matcher(text);
    StringBuilder fresh = new StringBuilder();
    while (uuids.find()) {
      String id = ids.computeIfAbsent(uuids.group(), old -> UUID.randomUUID().toString());
      uuids.appendReplacement(fresh, id);
    }
    uuids.appendTail(fresh);
    String event =
        SCHEDULED_TIME
            .matcher(fresh)
            .replaceAll(Matcher.quoteReplacement("\"time\": \"" + scheduledFor + "\""));
    Files.createDirectories(directory);
    Path file = directory.resolve(sample.getParent().getFileName() + "-" + sample.getFileName());
    Files.writeString(file, event, StandardCharsets.UTF_8);
    return file;
  }
}
