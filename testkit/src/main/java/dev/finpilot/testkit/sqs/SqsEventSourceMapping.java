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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Emulates Lambda's SQS event source mapping for one queue and one in-process handler: pollers
 * long-poll the queue, build a real {@link SQSEvent} batch, invoke the handler and delete what
 * Lambda would delete (see {@link BatchInvoker}).
 *
 * <pre>{@code
 * try (SqsEventSourceMapping mapping =
 *     SqsEventSourceMapping.builder(sqs, function, function.sqsEvent(), handler).build().start()) {
 *   ...
 *   mapping.awaitIdle(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class SqsEventSourceMapping implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SqsEventSourceMapping.class.getName());
  private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

  private final FunctionSpec function;
  private final SqsEventSource source;
  private final BatchCollector collector;
  private final BatchInvoker invoker;
  private final Activity activity;
  private final int pollers;
  private final Duration pollWait;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();

  private SqsEventSourceMapping(Builder builder) {
    this.function = builder.function;
    this.source = builder.source;
    this.pollers = builder.pollers;
    this.pollWait = builder.pollWait;
    this.collector =
        new BatchCollector(builder.sqs, builder.source, (int) builder.pollWait.toSeconds());
    this.invoker = new BatchInvoker(builder.sqs, builder.function, builder.source, builder.handler);
    this.activity = new Activity(builder.pollers);
  }

  public static Builder builder(
      SqsClient sqs,
      FunctionSpec function,
      SqsEventSource source,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    return new Builder(sqs, function, source, handler);
  }

  /** Starts the pollers; returns this for try-with-resources. */
  public synchronized SqsEventSourceMapping start() {
    if (!threads.isEmpty()) {
      throw new IllegalStateException(description() + " is already started");
    }
    for (int i = 0; i < pollers; i++) {
      int poller = i;
      Thread thread = new Thread(() -> poll(poller), "sqs-esm-" + function.logicalId() + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  public MappingStats stats() {
    return activity.snapshot();
  }

  /**
   * Waits until no batch is in flight and every poller has found the queue empty since this call.
   * Messages waiting out a visibility timeout are invisible, so they do not count.
   *
   * @return false if that did not happen within the timeout
   */
  public boolean awaitIdle(Duration timeout) {
    try {
      return activity.awaitIdle(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public SqsEventSource source() {
    return source;
  }

  /** Stops polling; a batch being handled is finished first (up to one long poll plus slack). */
  @Override
  public synchronized void close() {
    stop.countDown();
    Duration patience = pollWait.plus(function.timeout()).plusSeconds(5);
    for (Thread thread : threads) {
      try {
        thread.join(patience.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        LOG.log(Level.WARNING, () -> thread.getName() + " still busy after " + patience);
      }
    }
  }

  private void poll(int poller) {
    while (stop.getCount() > 0) {
      try {
        long started = activity.pollStarted();
        List<Message> batch = collector.collect();
        if (batch.isEmpty()) {
          activity.pollFoundNothing(poller, started);
        } else {
          handle(batch);
        }
      } catch (SdkException e) {
        LOG.log(Level.WARNING, () -> description() + ": " + e.getMessage());
        if (awaitStop(ERROR_BACKOFF)) {
          return;
        }
      }
    }
  }

  private void handle(List<Message> batch) {
    activity.batchStarted(batch.size());
    BatchInvoker.Result result = new BatchInvoker.Result(0, true);
    try {
      result = invoker.invoke(batch);
    } finally {
      activity.batchFinished(
          result.deleted(), batch.size() - result.deleted(), result.handlerError());
    }
  }

  private boolean awaitStop(Duration duration) {
    try {
      return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private String description() {
    return "SQS mapping " + source.queueLogicalId() + " -> " + function.logicalId();
  }

  /** Settings of a mapping; the defaults suit tests (one poller, one-second long polls). */
  public static final class Builder {
    private final SqsClient sqs;
    private final FunctionSpec function;
    private final SqsEventSource source;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private int pollers = 1;
    private Duration pollWait = Duration.ofSeconds(1);

    private Builder(
        SqsClient sqs,
        FunctionSpec function,
        SqsEventSource source,
        RequestHandler<SQSEvent, SQSBatchResponse> handler) {
      this.sqs = sqs;
      this.function = function;
      this.source = source;
      this.handler = handler;
    }

    /**
     * Concurrent pollers, each invoking the handler with its own batches (Lambda's concurrency).
     */
    public Builder pollers(int count) {
      if (count < 1 || count > 16) {
        throw new IllegalArgumentException("pollers: must be 1..16, was " + count);
      }
      this.pollers = count;
      return this;
    }

    /** Long-poll wait of each receive; short, so that close() returns quickly. */
    public Builder pollWait(Duration wait) {
      long seconds = wait.toSeconds();
      if (seconds < 1 || seconds > 20 || wait.toNanos() % 1_000_000_000L != 0) {
        throw new IllegalArgumentException("pollWait: whole seconds 1..20, was " + wait);
      }
      this.pollWait = wait;
      return this;
    }

    public SqsEventSourceMapping build() {
      return new SqsEventSourceMapping(this);
    }
  }
}
