package dev.finpilot.aws;

import dev.finpilot.messaging.Destination;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends envelopes to the queue of their type, with the origin in message attributes. */
public final class SqsMessageBus implements MessageBus {

  private final SqsClient sqs;
  private final Map<Destination, String> queueUrls;

  public SqsMessageBus(SqsClient sqs, Map<Destination, String> queueUrls) {
    this.sqs = sqs;
    this.queueUrls = new EnumMap<>(queueUrls);
  }

  /** The queues a function may send to, taken from its environment; others are absent. */
  public static SqsMessageBus fromEnvironment(SqsClient sqs, FunctionEnvironment env) {
    Map<Destination, String> urls = new EnumMap<>(Destination.class);
    for (Destination d : Destination.values()) {
      String url = env.variables().get(d.name() + "_QUEUE_URL");
      if (url != null && !url.isBlank()) {
        urls.put(d, url);
      }
    }
    return new SqsMessageBus(sqs, urls);
  }

  @Override
  public void send(Envelope envelope, MessageOrigin origin) {
    Destination destination = envelope.type().destination();
    String url = queueUrls.get(destination);
    if (url == null) {
      throw new IllegalStateException("no queue configured for " + destination);
    }
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(url)
            .messageBody(Json.write(envelope))
            .messageAttributes(MessageAttributes.of(envelope, origin))
            .build());
  }
}
