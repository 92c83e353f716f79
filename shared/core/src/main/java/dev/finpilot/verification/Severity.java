package dev.finpilot.verification;

/**
 * How bad a finding is. INFO is a note that never changes the outcome; WARNING makes a plan
 * CONDITIONAL; ERROR and CRITICAL reject it. CRITICAL marks findings that could cause losses beyond
 * the plan itself, such as borrowing to invest for a conservative investor.
 */
public enum Severity {
  INFO(0.0),
  WARNING(0.10),
  ERROR(0.30),
  CRITICAL(0.60);

  private final double riskWeight;

  Severity(double riskWeight) {
    this.riskWeight = riskWeight;
  }

  /** This finding's share of the report's risk score (see {@link VerificationReport}). */
  public double riskWeight() {
    return riskWeight;
  }

  public boolean isViolation() {
    return this != INFO;
  }

  public boolean rejects() {
    return this == ERROR || this == CRITICAL;
  }
}
