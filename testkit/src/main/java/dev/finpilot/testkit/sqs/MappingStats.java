package dev.finpilot.testkit.sqs;

/**
 * What an event source mapping has done so far.
 *
 * @param batches handler invocations
 * @param received messages handed to the handler (a redelivered message counts again)
 * @param deleted messages deleted after the handler succeeded for them
 * @param failed messages left on the queue: reported failures, or whole batches that threw or timed
 *     out
 * @param handlerErrors invocations that threw or exceeded the function's timeout
 */
public record MappingStats(
    long batches, long received, long deleted, long failed, long handlerErrors) {}
