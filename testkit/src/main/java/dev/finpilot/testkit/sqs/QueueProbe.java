package dev.finpilot.testkit.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Puts messages on a queue and reads what arrives, as a test observing the system from outside. */
public final class QueueProbe {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final SqsClient sqs;
  private final String queueUrl;

  public QueueProbe(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** Sends a body with string message attributes. */
  public void send(String body, Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new HashMap<>();
    attributes.forEach(
        (name, value) ->
            values.put(
                name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(values));
  }

  /** One receive (long poll of a second), deleting nothing: the messages come back later. */
  public List<Message> receive() {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  /** Receives and deletes until at least {@code count} messages have arrived. */
  public List<Message> awaitMessages(int count) {
    List<Message> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> {
              for (Message m : receive()) {
                seen.add(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
              }
              return seen.size() >= count;
            });
    return seen;
  }
}
