package dev.finpilot.testkit.backend;

import java.net.URI;

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
}
