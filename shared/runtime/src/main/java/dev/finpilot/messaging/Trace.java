package dev.finpilot.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a message comes from: the correlation id born at the API for one user request, and the id
 * of the message that caused this one. Travels as SQS message attributes, not in the body.
 */
public record Trace(String correlationId, String causationId) {

  public Trace {
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public static Trace start(String correlationId) {
    return new Trace(correlationId, null);
  }

  public static String newCorrelationId() {
    return UUID.randomUUID().toString();
  }

  /** The trace of a message caused by {@code cause}: same correlation, causation = its id. */
  public Trace causedBy(Envelope cause) {
    return new Trace(correlationId, cause.messageId());
  }
}
