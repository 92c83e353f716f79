package dev.finpilot.goals;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about a reading, each with the confidence points it costs. Confidence starts at 100
 * points and never drops below zero; a warning that costs nothing is purely informative.
 */
final class Findings {
  private static final int FULL = 100;

  private final List<String> warnings = new ArrayList<>();
  private int penalty;

  void warn(String message, int points) {
    warnings.add(message);
    penalty += points;
  }

  void penalise(int points) {
    penalty += points;
  }

  /** Confidence in [0, 1], in whole hundredths. */
  double confidence() {
    return Math.max(0, FULL - penalty) / (double) FULL;
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
