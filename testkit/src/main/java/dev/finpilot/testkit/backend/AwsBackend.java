package dev.finpilot.testkit.backend;

import java.net.URI;
import java.util.Optional;

/** An AWS-compatible endpoint the tests and the local runner talk to. */
public interface AwsBackend {

  /** Human-readable, for logs and error messages, e.g. "moto 127.0.0.1:41681". */
  String description();

  URI endpoint();

  /** The account id the backend puts into ARNs. */
  String accountId();

  /**
   * Wipes every resource and message, where the backend supports it (moto does). Returns false when
   * it cannot; tests then stay isolated through per-run stack names.
   */
  boolean reset();

  /**
   * Brings back what the backend kept in its state directory from an earlier run, once the
   * template's tables and queues exist, and keeps what changes from then on.
   *
   * @return what was restored; empty for a backend that keeps no state of its own
   */
  default Optional<RestoredState> restoreState() {
    return Optional.empty();
  }
}
