package dev.finpilot.planning;

import java.util.List;

/**
 * The planner's reasoning as a graph a UI can draw: a ROOT node for the request, CONSTRAINT nodes
 * for what limits the search, a STRATEGY node per strategy and DECISION nodes for what each
 * strategy decided (contributions, debt order, emergency fund, glide path, repairs, verification,
 * projection). Node ids are {@code n0, n1, ...} in creation order, so the same request always gives
 * the same graph.
 */
public record ReasoningTrace(List<Node> nodes, List<Edge> edges) {

  public ReasoningTrace {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The kinds of node. */
  public enum Kind {
    ROOT,
    STRATEGY,
    DECISION,
    CONSTRAINT
  }

  /**
   * One node.
   *
   * @param score the candidate's score in [0, 1] for scored strategy nodes, otherwise null
   * @param reason why the node has its status, in words a planner can read
   */
  public record Node(
      String id, Kind kind, String label, SearchStatus status, Double score, String reason) {}

  /** A directed edge from a node to what it led to. */
  public record Edge(String from, String to, String label) {}

  public Node node(String id) {
    return nodes.stream()
        .filter(n -> n.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + id));
  }

  public List<Node> nodes(Kind kind) {
    return nodes.stream().filter(n -> n.kind() == kind).toList();
  }

  /** The nodes an edge leads to from {@code id}, in creation order. */
  public List<Node> children(String id) {
    return edges.stream().filter(e -> e.from().equals(id)).map(e -> node(e.to())).toList();
  }
}
