package dev.finpilot.messaging;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a message comes from: the correlation id born at the API for one user request, and the id
 * of the message that caused this one. Travels as SQS message attributes, not in the body.
 */
public record MessageOrigin(String correlationId, String causationId) {
  public static final int MAX_CORRELATION_ID_LENGTH = 128;

  private static final Pattern SANE_CORRELATION_ID =
      Pattern.compile("[A-Za-z0-9._-]{1," + MAX_CORRELATION_ID_LENGTH + "}");

  public MessageOrigin {
    Objects.requireNonNull(correlationId, "correlationId");
  }

  public static MessageOrigin start(String correlationId) {
    return new MessageOrigin(correlationId, null);
  }

  public static String newCorrelationId() {
    return UUID.randomUUID().toString();
  }

  /**
   * {@code incoming} if it may serve as a correlation id, otherwise {@code fallback}: anything else
   * (too long, spaces, control characters) could forge log lines or headers.
   */
  public static String correlationIdOr(String incoming, String fallback) {
    return incoming != null && SANE_CORRELATION_ID.matcher(incoming).matches()
        ? incoming
        : fallback;
  }

  /** The origin of a message caused by {@code cause}: same correlation, causation = its id. */
  public MessageOrigin causedBy(Envelope cause) {
    return new MessageOrigin(correlationId, cause.messageId());
  }
}
