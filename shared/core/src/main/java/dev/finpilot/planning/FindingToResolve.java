package dev.finpilot.planning;

import dev.finpilot.verification.Finding;
import java.util.Objects;

/**
 * A verification finding handed to {@link Planner#replan} as three strings, so the messaging layer
 * can pass findings along without depending on verification types.
 *
 * @param code a {@link dev.finpilot.verification.RuleCode} name, such as {@code
 *     MAX_CONTRIBUTION_EXCEEDED}
 * @param severity INFO, WARNING, ERROR or CRITICAL
 * @param message the verifier's message; cited dollar limits in it are honoured
 */
public record FindingToResolve(String code, String severity, String message) {

  public FindingToResolve {
    message = message == null ? "" : message;
  }

  public static FindingToResolve of(Finding finding) {
    Objects.requireNonNull(finding, "finding");
    return new FindingToResolve(
        finding.code().name(), finding.severity().name(), finding.message());
  }
}
