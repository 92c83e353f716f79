package dev.finpilot.agents;

import dev.finpilot.verification.VerificationReport;

/** What the verification agent counts for the operators: the findings of each new report. */
@FunctionalInterface
public interface VerificationMetrics {

  /** Counts nothing: for tests that do not look at metrics. */
  VerificationMetrics NONE = report -> {};

  /** A report was made and stored for the first time (a redelivery counts nothing again). */
  void reportStored(VerificationReport report);
}
