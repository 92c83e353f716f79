package dev.finpilot.aws;

/**
 * Counts the messages a queue-driven function sets aside for an operator, by agent and cause, for
 * the dashboard next to the dead-letter queues' depths (which say what waits, not when it came).
 */
@FunctionalInterface
public interface DeadLetterMetrics {

  /** Why a message went to the dead-letter queue. */
  enum Cause {
    /** Unreadable or refused for good: sent to the dead-letter queue at once. */
    POISON,
    /** Failed on its last allowed delivery: SQS's redrive moves it there. */
    RETRIES_EXHAUSTED
  }

  void setAside(String agent, Cause cause);
}
