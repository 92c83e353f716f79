package dev.finpilot.insight.chat;

/** What a question asks for, and the route that answers it. */
public enum Intent {
  /** A change to the plan's projection: retire later, save more, a market fall ... */
  WHAT_IF("POST /v1/plans/{planId}/versions/{version}/what-if"),
  /** A purchase: a what-if that takes the price out of the portfolio. */
  AFFORD("POST /v1/plans/{planId}/versions/{version}/what-if"),
  /** The historical stress tests (1929, 1966, 1973, 2000, 2008) and hypothetical shocks. */
  STRESS("GET /v1/plans/{planId}/versions/{version}/stress-tests"),
  RISK("GET /v1/plans/{planId}/versions/{version}/risk"),
  EXPLAIN("GET /v1/plans/{planId}/versions/{version}/explanation"),
  RECOMMEND("GET /v1/plans/{planId}/recommendations"),
  /** Nothing the chat can answer was recognised. */
  UNKNOWN("");

  private final String route;

  Intent(String route) {
    this.route = route;
  }

  /** The route that answers the intent; empty for {@link #UNKNOWN}. */
  public String route() {
    return route;
  }
}
