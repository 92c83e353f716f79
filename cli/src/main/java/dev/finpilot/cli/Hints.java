package dev.finpilot.cli;

/** What the user can do next when a plan settles somewhere else than a command wanted. */
final class Hints {
  private Hints() {}

  static String after(String status, String planId) {
    return switch (status) {
      case "AWAITING_APPROVAL" ->
          ": a version awaits your decision (`finpilot compare "
              + planId
              + " A B`, then `finpilot approve` or `finpilot decline`)";
      case "REJECTED" -> ": no plan passed verification; the reason is above";
      case "FAILED" -> ": the reason is above; `finpilot history " + planId + "` shows each step";
      default -> "";
    };
  }
}
