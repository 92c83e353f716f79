package dev.finpilot.planning;

import dev.finpilot.planning.ReasoningTrace.Edge;
import dev.finpilot.planning.ReasoningTrace.Kind;
import dev.finpilot.planning.ReasoningTrace.Node;
import java.util.ArrayList;
import java.util.List;

/** Collects the reasoning graph while the search runs; ids are assigned in creation order. */
final class TraceRecorder {
  private final List<Node> nodes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();

  String root(String label, String reason) {
    return add(null, null, Kind.ROOT, label, SearchStatus.EXPLORED, null, reason);
  }

  /** Adds a node under {@code parent} (none for the root) and returns its id. */
  String add(
      String parent,
      String edgeLabel,
      Kind kind,
      String label,
      SearchStatus status,
      Double score,
      String reason) {
    String id = "n" + nodes.size();
    nodes.add(new Node(id, kind, label, status, score, reason));
    if (parent != null) {
      edges.add(new Edge(parent, id, edgeLabel));
    }
    return id;
  }

  /** Renames the edge between two nodes, keeping the graph a tree. */
  void relabel(String from, String to, String label) {
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      if (e.from().equals(from) && e.to().equals(to)) {
        edges.set(i, new Edge(from, to, label));
      }
    }
  }

  void update(String id, SearchStatus status, Double score, String reason) {
    int index = Integer.parseInt(id.substring(1));
    Node old = nodes.get(index);
    nodes.set(index, new Node(id, old.kind(), old.label(), status, score, reason));
  }

  Node node(String id) {
    return nodes.get(Integer.parseInt(id.substring(1)));
  }

  ReasoningTrace build() {
    return new ReasoningTrace(nodes, edges);
  }
}
