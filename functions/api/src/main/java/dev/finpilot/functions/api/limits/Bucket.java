package dev.finpilot.functions.api.limits;

/**
 * A token bucket as stored. Tokens are counted in thousandths so that refills between whole tokens
 * are kept exactly, with integer arithmetic only.
 *
 * @param milliTokens tokens left, times 1000
 * @param updatedAtMillis when {@code milliTokens} was computed (epoch milliseconds)
 * @param version incremented by every write; a write succeeds only on the version it read
 */
public record Bucket(long milliTokens, long updatedAtMillis, long version) {}
