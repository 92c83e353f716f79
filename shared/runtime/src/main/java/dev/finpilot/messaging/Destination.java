package dev.finpilot.messaging;

/** The queues of the hub-and-spoke design: agents only ever answer the workflow. */
public enum Destination {
  WORKFLOW,
  RETRIEVAL,
  PLANNING,
  VERIFICATION,
  EXECUTION
}
