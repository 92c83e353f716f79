package dev.finpilot.functions.api;

import dev.finpilot.insight.Change;

/**
 * A request to this API as its client would send it: the route an insight answer came from, so the
 * owner can repeat it (or, for a recommendation, try it) with one call.
 *
 * @param body the JSON body to send; absent for GET
 */
record ApiCall(String method, String path, Object body) {

  /** The what-if of {@code change} on version {@code version}, at the version's own paths. */
  static ApiCall whatIf(String planId, int version, Change change) {
    return new ApiCall(
        "POST",
        PlanRoutes.BASE + "/" + planId + "/versions/" + version + "/what-if",
        new InsightController.WhatIfRequest(change, null));
  }
}
