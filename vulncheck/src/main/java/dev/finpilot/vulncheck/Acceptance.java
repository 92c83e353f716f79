package dev.finpilot.vulncheck;

import java.time.LocalDate;

/** An allow-list entry: this vulnerability is accepted until {@code expires}, for this reason. */
record Acceptance(String id, LocalDate expires, String reason) {

  /** The entry accepts nothing from the day after its expiry on. */
  boolean inForceOn(LocalDate day) {
    return !day.isAfter(expires);
  }
}
