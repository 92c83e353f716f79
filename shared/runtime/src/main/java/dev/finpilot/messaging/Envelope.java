package dev.finpilot.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The versioned JSON body of every queue message. Large data (plans, traces, reports) stays in
 * DynamoDB; the payload carries keys and small facts only, far below the 1 MiB SQS limit.
 */
public record Envelope(
    String messageId,
    MessageType type,
    String planId,
    int planVersion,
    String userId,
    JsonNode payload,
    Instant createdAt,
    int schemaVersion) {

  public static final int SCHEMA_VERSION = 1;

  public static Envelope create(
      MessageType type,
      String planId,
      int planVersion,
      String userId,
      Object payload,
      Instant now) {
    return new Envelope(
        UUID.randomUUID().toString(),
        type,
        planId,
        planVersion,
        userId,
        Json.mapper().valueToTree(payload),
        now,
        SCHEMA_VERSION);
  }

  public <T> T payloadAs(Class<T> type) {
    return Json.convert(payload, type);
  }
}
