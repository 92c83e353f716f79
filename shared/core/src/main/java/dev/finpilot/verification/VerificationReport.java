package dev.finpilot.verification;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one plan with everything behind it.
 *
 * <p>{@code riskScore} is {@code 1 - product(1 - w)} over all findings, with weights INFO 0,
 * WARNING 0.10, ERROR 0.30, CRITICAL 0.60: zero for a clean plan, rising with every finding and
 * never reaching 1. {@code confidence} is the product of the rules' confidences: 1 when no verdict
 * rests on an estimate near its threshold.
 *
 * @param checksRun one per rule evaluated
 * @param checksPassed rules that found nothing worse than an INFO note
 */
public record VerificationReport(
    int taxYear,
    Outcome outcome,
    List<Finding> findings,
    int checksRun,
    int checksPassed,
    double riskScore,
    double confidence) {

  public VerificationReport {
    findings = List.copyOf(findings);
    if (checksPassed < 0 || checksPassed > checksRun) {
      throw new IllegalArgumentException(
          "checksPassed must be between 0 and checksRun, was " + checksPassed + "/" + checksRun);
    }
    if (!(riskScore >= 0 && riskScore <= 1) || !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(
          "riskScore and confidence must be in [0, 1], were " + riskScore + ", " + confidence);
    }
    if (outcome != Outcome.of(findings)) {
      throw new IllegalArgumentException("outcome " + outcome + " contradicts the findings");
    }
  }

  /** Findings that affect the outcome (WARNING and worse), in rule order: what to replan. */
  public List<Finding> violations() {
    return findings.stream().filter(Finding::isViolation).toList();
  }

  /** INFO notes: worth telling the user, no effect on the outcome. */
  public List<Finding> notes() {
    return findings.stream().filter(f -> !f.isViolation()).toList();
  }

  public List<Finding> findings(RuleCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }

  public boolean has(RuleCode code) {
    return findings.stream().anyMatch(f -> f.code() == code && f.isViolation());
  }

  public Optional<Severity> highestSeverity() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo);
  }

  public String summary() {
    long critical = count(Severity.CRITICAL);
    long errors = count(Severity.ERROR);
    long warnings = count(Severity.WARNING);
    return outcome
        + ": "
        + critical
        + " critical, "
        + errors
        + " errors, "
        + warnings
        + " warnings; "
        + checksPassed
        + " of "
        + checksRun
        + " checks passed";
  }

  private long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
