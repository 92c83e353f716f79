package dev.finpilot.loadtest;

import java.time.Instant;

/**
 * What one virtual user did and saw: written by its own thread as its script runs, read once that
 * thread has ended.
 */
final class UserOutcome {

  final int index;
  final Session session;

  /** Set once accepted; read by a fault injector while the script runs. */
  volatile String planId;

  /** When the script's first call started and when it stopped, however it stopped. */
  Instant began;

  Instant ended;

  Instant submittedAt;

  /** The plan's status when the user stopped following it (final, or the last one seen). */
  volatile String status;

  String statusReason;

  /** Reads of the plan that a push prompted (the others: the first, and those after silence). */
  int readsOnPush;

  /** Versions the user approved. */
  int approvals;

  /** Versions due to be executed (made ACTIVE): the first, and each approved in a review. */
  int activations;

  String lifeEventTriggerId;
  boolean lifeEventFinal;

  /**
   * Why the script stopped early: a call that failed after its retries. Read by a fault injector
   * that waits for every plan to be accepted.
   */
  volatile String error;

  UserOutcome(int index, Session session) {
    this.index = index;
    this.session = session;
  }

  boolean accepted() {
    return planId != null;
  }
}
