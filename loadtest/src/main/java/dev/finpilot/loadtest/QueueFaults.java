package dev.finpilot.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Faults on SQS queues, made with the SQS API against the running stack's own queues, while its
 * pollers keep consuming them: what at-least-once delivery, a consumer that times out, and an
 * operator's redrive do to messages.
 */
final class QueueFaults {

  /** How long a fault waits for the first message to strike at. */
  static final Duration PATIENCE = Duration.ofMinutes(5);

  private final SqsClient sqs;
  private final Random random;

  QueueFaults(SqsClient sqs, long seed) {
    this.sqs = sqs;
    this.random = new Random(seed);
  }

  /**
   * Takes the messages it can from {@code queueUrl} and puts each back twice, the whole batch in
   * shuffled order: every message delivered at least twice, out of order. Goes on for {@code
   * window} from the first message taken, waiting at most {@link #PATIENCE} for that one.
   *
   * @return the messages taken
   */
  int duplicateAndReorder(String queueUrl, Duration window) {
    return during(
        window,
        () -> {
          List<Message> batch = receive(queueUrl);
          List<Message> copies = new ArrayList<>(batch);
          copies.addAll(batch);
          Collections.shuffle(copies, random);
          copies.forEach(m -> send(queueUrl, m));
          batch.forEach(m -> delete(queueUrl, m));
          return batch.size();
        });
  }

  /**
   * Moves the messages it can from {@code queueUrl} to {@code deadLetterUrl}, as SQS does with a
   * message whose consumer timed out on every receive (the consumer never saw it fail, so nothing
   * reports it). Goes on for {@code window} from the first message moved, waiting at most {@link
   * #PATIENCE} for that one.
   *
   * @return the messages moved
   */
  int deadLetter(String queueUrl, String deadLetterUrl, Duration window) {
    return during(window, () -> move(queueUrl, deadLetterUrl));
  }

  private static int during(Duration window, IntSupplier step) {
    int done = 0;
    Instant end = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(end)) {
      int batch = step.getAsInt();
      if (done == 0 && batch > 0) {
        end = Instant.now().plus(window);
      }
      done += batch;
    }
    return done;
  }

  /**
   * Moves every message of {@code deadLetterUrl} back to {@code queueUrl}, body and attributes
   * unchanged: what {@code aws sqs start-message-move-task} does, for an emulator without it.
   *
   * @return the messages moved
   */
  int redrive(String deadLetterUrl, String queueUrl) {
    int moved = 0;
    for (int batch = move(deadLetterUrl, queueUrl);
        batch > 0;
        batch = move(deadLetterUrl, queueUrl)) {
      moved += batch;
    }
    return moved;
  }

  private int move(String from, String to) {
    List<Message> batch = receive(from);
    batch.forEach(m -> send(to, m));
    batch.forEach(m -> delete(from, m));
    return batch.size();
  }

  private List<Message> receive(String queueUrl) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(1)
                .messageAttributeNames("All")
                .build())
        .messages();
  }

  private void send(String queueUrl, Message message) {
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(message.body())
            .messageAttributes(message.messageAttributes())
            .build());
  }

  private void delete(String queueUrl, Message message) {
    sqs.deleteMessage(
        DeleteMessageRequest.builder()
            .queueUrl(queueUrl)
            .receiptHandle(message.receiptHandle())
            .build());
  }
}
