package dev.finpilot.testkit.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backend with a state directory brought back at start.
 *
 * @param items items kept per table (physical name), expired ones left out
 * @param messages messages still queued per queue (name)
 * @param skipped journal entries that could not be applied (a torn last line after a kill, a table
 *     the template no longer has)
 * @param took how long the replay and compaction took
 * @param file the journal, compacted
 * @param bytes its size after compaction
 */
public record RestoredState(
    Map<String, Integer> items,
    Map<String, Integer> messages,
    int skipped,
    Duration took,
    Path file,
    long bytes) {

  public RestoredState {
    items = Map.copyOf(items);
    messages = Map.copyOf(messages);
  }

  /** Items kept in one table; 0 for a table with none. */
  public int items(String tableName) {
    return items.getOrDefault(tableName, 0);
  }

  public int messageCount() {
    return messages.values().stream().mapToInt(Integer::intValue).sum();
  }

  static RestoredState fromJson(JsonNode answer, Path file) {
    return new RestoredState(
        counts(answer.path("items")),
        counts(answer.path("messages")),
        answer.path("skipped").asInt(),
        Duration.ofMillis(answer.path("millis").asLong()),
        file,
        answer.path("bytes").asLong());
  }

  private static Map<String, Integer> counts(JsonNode byName) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    byName.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    return counts;
  }
}
