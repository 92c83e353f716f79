package dev.finpilot.monitoring;

/**
 * How much a trigger threatens a plan, on one scale for market and life events so that triggers of
 * both kinds can be merged and compared. Declared from mildest to gravest.
 */
public enum TriggerSeverity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** One step graver, stopping at CRITICAL. */
  public TriggerSeverity escalate() {
    return switch (this) {
      case LOW -> MEDIUM;
      case MEDIUM -> HIGH;
      case HIGH, CRITICAL -> CRITICAL;
    };
  }

  public boolean isAtLeast(TriggerSeverity other) {
    return compareTo(other) >= 0;
  }

  public static TriggerSeverity max(TriggerSeverity a, TriggerSeverity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
