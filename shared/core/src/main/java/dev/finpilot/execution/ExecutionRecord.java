package dev.finpilot.execution;

/**
 * What the store keeps per idempotency key: the request's fingerprint, to tell a replay from a
 * conflicting reuse of the key, and the result to hand back on a replay.
 */
public record ExecutionRecord(String idempotencyKey, String fingerprint, ExecutionResult result) {}
