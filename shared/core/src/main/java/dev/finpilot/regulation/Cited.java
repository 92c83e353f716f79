package dev.finpilot.regulation;

import java.util.Objects;

/** A regulatory value together with the source that sets it, so every number can be audited. */
public record Cited<T>(T value, Citation source) {

  public Cited {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }
}
