package dev.finpilot.functions.api;

import dev.finpilot.insight.Change;
import dev.finpilot.insight.chat.Intent;

/**
 * A request to this API as its client would send it: the route an insight answer came from, so the
 * owner can repeat it (or, for a recommendation, try it) with one call.
 *
 * @param body the JSON body to send; absent for GET
 */
record ApiCall(String method, String path, Object body) {

  /** The what-if of {@code change} on version {@code version}, at the version's own paths. */
  static ApiCall whatIf(String planId, int version, Change change) {
    return of(Intent.WHAT_IF, planId, version, change);
  }

  /**
   * The route that answers {@code intent} for version {@code version} of plan {@code planId}; a
   * what-if sends {@code change}.
   */
  static ApiCall of(Intent intent, String planId, int version, Change change) {
    String[] route = intent.route().split(" ", 2);
    String path =
        route[1].replace("{planId}", planId).replace("{version}", Integer.toString(version));
    boolean post = "POST".equals(route[0]);
    return new ApiCall(
        route[0], path, post ? new InsightController.WhatIfRequest(change, null) : null);
  }
}
