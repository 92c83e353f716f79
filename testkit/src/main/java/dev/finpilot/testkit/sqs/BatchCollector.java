package dev.finpilot.testkit.sqs;

import dev.finpilot.testkit.template.SqsEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Gathers one batch as Lambda's poller does: a long poll, then, with a batching window, further
 * receives until the batch is full or the window closes. SQS returns at most 10 messages a call.
 */
final class BatchCollector {

  private static final int SQS_RECEIVE_LIMIT = 10;

  private final SqsClient sqs;
  private final SqsEventSource source;
  private final int pollWaitSeconds;

  BatchCollector(SqsClient sqs, SqsEventSource source, int pollWaitSeconds) {
    this.sqs = sqs;
    this.source = source;
    this.pollWaitSeconds = pollWaitSeconds;
  }

  List<Message> collect() {
    List<Message> batch = new ArrayList<>(receive(source.batchSize(), pollWaitSeconds));
    if (batch.isEmpty()) {
      return batch;
    }
    long windowEnd = System.nanoTime() + source.maximumBatchingWindow().toNanos();
    while (batch.size() < source.batchSize()) {
      long remainingNanos = windowEnd - System.nanoTime();
      if (remainingNanos <= 0) {
        break;
      }
      int wait = (int) Math.min(20, Math.max(1, Duration.ofNanos(remainingNanos).toSeconds()));
      batch.addAll(receive(source.batchSize() - batch.size(), wait));
    }
    return batch;
  }

  private List<Message> receive(int wanted, int waitSeconds) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(source.queueUrl())
                    .maxNumberOfMessages(Math.min(SQS_RECEIVE_LIMIT, wanted))
                    .waitTimeSeconds(waitSeconds)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }
}
