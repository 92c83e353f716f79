package dev.finpilot.goals;

/** A half-open range of character positions in the goal text. */
record Span(int start, int end) {

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
