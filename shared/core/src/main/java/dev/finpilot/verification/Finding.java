package dev.finpilot.verification;

import dev.finpilot.domain.AccountType;
import dev.finpilot.regulation.Citation;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One result of one rule: what is wrong (or worth knowing), how bad it is, the evidence, the source
 * of the limit and what to change.
 *
 * @param message human-readable; always names the limit, the tax year and the source
 * @param accounts the account types involved; empty when the finding is about the household
 * @param remediation what a planner (or the user) should change to clear the finding
 */
public record Finding(
    RuleCode code,
    Severity severity,
    String message,
    Evidence evidence,
    Set<AccountType> accounts,
    Citation source,
    int taxYear,
    String remediation) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(remediation, "remediation");
    accounts = immutableEnumSet(accounts);
  }

  /** Builds a finding whose message ends with the tax year and the full citation. */
  public static Finding of(
      RuleCode code,
      Severity severity,
      String text,
      Evidence evidence,
      Citation source,
      int taxYear,
      String remediation,
      Collection<AccountType> accounts) {
    String message = text + " (tax year " + taxYear + "; source: " + source.text() + ")";
    return new Finding(
        code, severity, message, evidence, Set.copyOf(accounts), source, taxYear, remediation);
  }

  public boolean isViolation() {
    return severity.isViolation();
  }

  // An EnumSet keeps the accounts in declaration order, so reports serialise identically.
  private static Set<AccountType> immutableEnumSet(Set<AccountType> accounts) {
    if (accounts == null || accounts.isEmpty()) {
      return Set.of();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(accounts));
  }
}
