package dev.finpilot.functions.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code GET /health} reports: whether the tables answer, and each queue's depth. Queues are
 * named by their role ({@code workflow}, {@code planning}, ...), never by URL or account.
 */
public record HealthReport(Status dynamodb, Map<String, QueueHealth> queues) {

  /** The outcome of one check. */
  public enum Status {
    OK,
    ERROR;

    @JsonValue
    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public HealthReport {
    Objects.requireNonNull(dynamodb, "dynamodb");
    queues = new TreeMap<>(queues);
  }

  /** Healthy when every dependency answered; messages waiting in a DLQ are reported, not fatal. */
  public boolean healthy() {
    return dynamodb == Status.OK && queues.values().stream().allMatch(q -> q.status() == Status.OK);
  }

  /**
   * One queue: messages waiting ({@code visible}), being processed ({@code inFlight}) and
   * dead-lettered ({@code deadLetterVisible}, absent when no DLQ is configured). Counts are SQS's
   * approximate numbers and are absent when the queue did not answer.
   */
  public record QueueHealth(Status status, Long visible, Long inFlight, Long deadLetterVisible) {

    public static QueueHealth error() {
      return new QueueHealth(Status.ERROR, null, null, null);
    }
  }
}
