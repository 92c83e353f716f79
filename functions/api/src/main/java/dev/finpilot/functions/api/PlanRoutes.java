package dev.finpilot.functions.api;

import dev.finpilot.plans.PlanRecord;

/** What the plan controllers share: where plans live and the limits on what they are sent. */
final class PlanRoutes {
  static final String BASE = "/v1/plans";

  /** Bodies above this are refused with 413; a full household state is a few KiB. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final int MAX_VERSION = 9999;

  private PlanRoutes() {}

  /** Where the plan's owner follows it. */
  static String statusUrl(PlanRecord plan) {
    return BASE + "/" + plan.planId();
  }

  /** The version number in a path. */
  static int versionNumber(String text) {
    return QueryParameters.parse(text, "version", 1, MAX_VERSION);
  }
}
