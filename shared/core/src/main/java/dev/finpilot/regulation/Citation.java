package dev.finpilot.regulation;

import java.util.Objects;

/** Where a regulatory value comes from: its short key in the data file and the full citation. */
public record Citation(String key, String text) {

  public Citation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
