package dev.finpilot.verification;

import java.util.Collection;

/**
 * The verdict on a plan. Any ERROR or CRITICAL finding rejects it; otherwise any WARNING makes it
 * conditional (approved, with the warnings to monitor); only INFO notes, or none, approve it.
 */
public enum Outcome {
  APPROVED,
  CONDITIONAL,
  REJECTED;

  public static Outcome of(Collection<Finding> findings) {
    boolean warned = false;
    for (Finding f : findings) {
      if (f.severity().rejects()) {
        return REJECTED;
      }
      warned |= f.severity().isViolation();
    }
    return warned ? CONDITIONAL : APPROVED;
  }
}
