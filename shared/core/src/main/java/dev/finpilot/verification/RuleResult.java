package dev.finpilot.verification;

import java.util.List;

/**
 * What one rule found, and how sure it is. {@code confidence} drops below 1 when the verdict rests
 * on an estimate that could tip it (an estimated MAGI near a phase-out edge, an age at a catch-up
 * boundary, a success probability within Monte Carlo error of the threshold).
 */
public record RuleResult(List<Finding> findings, double confidence) {

  public RuleResult {
    findings = List.copyOf(findings);
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
    }
  }

  public static RuleResult pass() {
    return new RuleResult(List.of(), 1.0);
  }

  public static RuleResult of(List<Finding> findings) {
    return new RuleResult(findings, 1.0);
  }

  /** A check passes when it found nothing worse than an INFO note. */
  public boolean passed() {
    return findings.stream().noneMatch(Finding::isViolation);
  }
}
