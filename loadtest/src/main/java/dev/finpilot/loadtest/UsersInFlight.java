package dev.finpilot.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most users in flight at one moment (between their first call and their last): a run's
 * users-count says how many took part, this says how many the system served at once, which a
 * ramp-up or short sessions can make far fewer.
 */
final class UsersInFlight {

  /** One user's session, from its first call to the end of its last. */
  record Span(Instant began, Instant ended) {}

  private record Edge(Instant at, int change) {}

  private UsersInFlight() {}

  static int peak(List<Span> spans) {
    List<Edge> edges = new ArrayList<>();
    for (Span span : spans) {
      edges.add(new Edge(span.began(), 1));
      edges.add(new Edge(span.ended(), -1));
    }
    // At one instant an end counts before a start: a user who leaves as another arrives is not
    // two in flight.
    edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
    int inFlight = 0;
    int peak = 0;
    for (Edge edge : edges) {
      inFlight += edge.change();
      peak = Math.max(peak, inFlight);
    }
    return peak;
  }
}
