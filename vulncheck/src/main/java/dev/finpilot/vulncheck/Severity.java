package dev.finpilot.vulncheck;

import java.util.Locale;

/**
 * A vulnerability's severity in the words of GitHub's advisory database, which OSV passes on as
 * {@code database_specific.severity} for Maven packages.
 */
enum Severity {
  LOW,
  MODERATE,
  HIGH,
  CRITICAL,
  /** The advisory names no severity: nothing shows it is harmless, so it counts as failing. */
  UNKNOWN;

  static Severity of(String word) {
    if (word == null || word.isBlank()) {
      return UNKNOWN;
    }
    return switch (word.strip().toUpperCase(Locale.ROOT)) {
      case "LOW" -> LOW;
      case "MODERATE", "MEDIUM" -> MODERATE;
      case "HIGH" -> HIGH;
      case "CRITICAL" -> CRITICAL;
      default -> UNKNOWN;
    };
  }

  /** HIGH and above fail the check; so does a severity nobody stated. */
  boolean failsTheCheck() {
    return this == HIGH || this == CRITICAL || this == UNKNOWN;
  }
}
