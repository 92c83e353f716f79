package dev.finpilot.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a message comes from: the correlation id born at the API for one user request, and the id
 * of the message that caused this one. Travels as SQS message attributes, not in the body.
 */
public record MessageOrigin(String correlationId, String causationId) {

  public MessageOrigin {
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public static MessageOrigin start(String correlationId) {
    return new MessageOrigin(correlationId, null);
  }

  public static String newCorrelationId() {
    return UUID.randomUUID().toString();
  }

  /** The origin of a message caused by {@code cause}: same correlation, causation = its id. */
  public MessageOrigin causedBy(Envelope cause) {
    return new MessageOrigin(correlationId, cause.messageId());
  }
}
