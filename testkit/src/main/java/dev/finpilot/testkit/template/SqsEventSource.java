package dev.finpilot.testkit.template;

import java.time.Duration;

/**
 * A function's {@code Type: SQS} event, resolved against the provisioned queue: what Lambda's event
 * source mapping would poll and how it would batch.
 *
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, 0 when not set
 */
public record SqsEventSource(
    String eventName,
    String queueLogicalId,
    String queueUrl,
    String queueArn,
    int batchSize,
    Duration maximumBatchingWindow,
    boolean reportBatchItemFailures,
    int maximumConcurrency,
    boolean enabled) {

  /** Lambda's default batch size for SQS. */
  public static final int DEFAULT_BATCH_SIZE = 10;

  public SqsEventSource {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException(
          "Events." + eventName + ".BatchSize: must be 1..10000, was " + batchSize);
    }
    if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.toSeconds() > 300) {
      throw new IllegalArgumentException(
          "Events."
              + eventName
              + ".MaximumBatchingWindowInSeconds: must be 0..300, was "
              + maximumBatchingWindow.toSeconds());
    }
  }

  /** The same source with another batch size, e.g. to force one record per invocation in a test. */
  public SqsEventSource withBatchSize(int size) {
    return new SqsEventSource(
        eventName,
        queueLogicalId,
        queueUrl,
        queueArn,
        size,
        maximumBatchingWindow,
        reportBatchItemFailures,
        maximumConcurrency,
        enabled);
  }
}
