package dev.finpilot.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The SQS message attributes FinPilot sets on every message, and how to read them back. */
public final class MessageAttributes {
  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String MESSAGE_TYPE = "messageType";
  public static final String PLAN_ID = "planId";
  public static final String FAILURE_REASON = "failureReason";
  public static final String FAILED_BY = "failedBy";

  private MessageAttributes() {}

  static Map<String, MessageAttributeValue> of(Envelope envelope, MessageOrigin origin) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    put(attributes, CORRELATION_ID, origin.correlationId());
    put(attributes, CAUSATION_ID, origin.causationId());
    put(attributes, MESSAGE_TYPE, envelope.type().wireName());
    put(attributes, PLAN_ID, envelope.planId());
    return attributes;
  }

  static void put(Map<String, MessageAttributeValue> attributes, String name, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(
          name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
    }
  }

  static Optional<String> read(SQSEvent.SQSMessage message, String name) {
    Map<String, SQSEvent.MessageAttribute> attributes = message.getMessageAttributes();
    if (attributes == null || attributes.get(name) == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(attributes.get(name).getStringValue()).filter(v -> !v.isBlank());
  }

  /** Copies a received message's attributes so a dead-lettered copy keeps its origin. */
  static Map<String, MessageAttributeValue> copyOf(SQSEvent.SQSMessage message) {
    Map<String, MessageAttributeValue> copy = new HashMap<>();
    for (String name : new String[] {CORRELATION_ID, CAUSATION_ID, MESSAGE_TYPE, PLAN_ID}) {
      read(message, name).ifPresent(v -> put(copy, name, v));
    }
    return copy;
  }
}
