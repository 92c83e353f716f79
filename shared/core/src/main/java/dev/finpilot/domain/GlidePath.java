package dev.finpilot.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Target allocations by age. Between two points the earlier point's allocation holds: plans are
 * rebalanced to a new target on the birthday it names, not drifted continuously.
 */
public record GlidePath(List<Point> points) {

  public record Point(int age, Allocation allocation) {}

  public GlidePath {
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("a glide path needs at least one point");
    }
    points = points.stream().sorted(Comparator.comparingInt(Point::age)).toList();
  }

  public static GlidePath constant(int fromAge, Allocation allocation) {
    return new GlidePath(List.of(new Point(fromAge, allocation)));
  }

  public Allocation allocationAt(int age) {
    Allocation current = points.get(0).allocation();
    for (Point p : points) {
      if (p.age() <= age) {
        current = p.allocation();
      }
    }
    return current;
  }
}
