package dev.finpilot.aws;

import dev.finpilot.messaging.Destination;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends envelopes to the queue of their type, with the origin in message attributes. */
public final class SqsMessageBus implements MessageBus {

  static final int BATCH = 10;

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
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(queueUrl(envelope))
            .messageBody(Json.write(envelope))
            .messageAttributes(MessageAttributes.of(envelope, origin))
            .build());
  }

  /** Up to ten envelopes of one queue per request (SQS's limit of a batch). */
  @Override
  public void sendAll(List<Envelope> envelopes, MessageOrigin origin) {
    Map<String, List<Envelope>> byQueue = new LinkedHashMap<>();
    envelopes.forEach(e -> byQueue.computeIfAbsent(queueUrl(e), u -> new ArrayList<>()).add(e));
    byQueue.forEach(
        (url, queued) -> {
          for (int from = 0; from < queued.size(); from += BATCH) {
            sendBatch(url, queued.subList(from, Math.min(from + BATCH, queued.size())), origin);
          }
        });
  }

  private void sendBatch(String url, List<Envelope> batch, MessageOrigin origin) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(Json.write(batch.get(i)))
              .messageAttributes(MessageAttributes.of(batch.get(i), origin))
              .build());
    }
    SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
    if (!response.failed().isEmpty()) {
      throw new IllegalStateException(
          response.failed().size()
              + " of "
              + batch.size()
              + " messages were not sent: "
              + response.failed().stream()
                  .map(f -> batch.get(Integer.parseInt(f.id())).messageId() + " (" + f.code() + ")")
                  .toList());
    }
  }

  private String queueUrl(Envelope envelope) {
    Destination destination = envelope.type().destination();
    String url = queueUrls.get(destination);
    if (url == null) {
      throw new IllegalStateException("no queue configured for " + destination);
    }
    return url;
  }
}
