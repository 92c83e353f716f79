package dev.finpilot.testkit.sqs;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SqsEventSource;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Hands one batch to the handler and deletes what Lambda would delete. An invocation that throws or
 * outlives the function's timeout deletes nothing: the messages return after the visibility timeout
 * and, past {@code maxReceiveCount}, the queue's redrive policy moves them to the DLQ.
 */
final class BatchInvoker {

  private static final System.Logger LOG = System.getLogger(BatchInvoker.class.getName());
  private static final int DELETE_BATCH_LIMIT = 10;

  private final SqsClient sqs;
  private final FunctionSpec function;
  private final SqsEventSource source;
  private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

  BatchInvoker(
      SqsClient sqs,
      FunctionSpec function,
      SqsEventSource source,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.handler = handler;
  }

  /** How one invocation ended: messages deleted, and whether the handler failed as a whole. */
  record Result(int deleted, boolean handlerError) {}

  /** Invokes the handler and deletes the messages it succeeded for. */
  Result invoke(List<Message> messages) {
    BatchOutcome outcome = run(messages);
    return new Result(delete(messages, outcome), outcome.handlerError());
  }

  private BatchOutcome run(List<Message> messages) {
    LocalContext context = LocalContext.forInvocation(function);
    long start = System.nanoTime();
    SQSBatchResponse response;
    try {
      response = handler.handleRequest(SqsEvents.toEvent(messages, source.queueArn()), context);
    } catch (RuntimeException | AssertionError e) {
      LOG.log(
          Level.WARNING,
          () -> function.logicalId() + " failed a batch of " + messages.size() + ": " + e,
          e);
      return BatchOutcome.error();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (took.compareTo(function.timeout()) > 0) {
      LOG.log(
          Level.WARNING,
          () -> function.logicalId() + " ran " + took + ", over its timeout " + function.timeout());
      return BatchOutcome.error();
    }
    List<String> ids = messages.stream().map(Message::messageId).toList();
    return BatchOutcome.of(ids, response, source.reportBatchItemFailures());
  }

  private int delete(List<Message> messages, BatchOutcome outcome) {
    List<Message> doomed = messages.stream().filter(m -> outcome.deletes(m.messageId())).toList();
    int deleted = 0;
    for (int from = 0; from < doomed.size(); from += DELETE_BATCH_LIMIT) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      List<Message> chunk =
          doomed.subList(from, Math.min(doomed.size(), from + DELETE_BATCH_LIMIT));
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .build());
      }
      DeleteMessageBatchResponse response =
          sqs.deleteMessageBatch(b -> b.queueUrl(source.queueUrl()).entries(entries));
      deleted += response.successful().size();
      response.failed().forEach(f -> LOG.log(Level.WARNING, () -> "Delete failed: " + f.message()));
    }
    return deleted;
  }
}
