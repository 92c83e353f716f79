package dev.finpilot.functions.api;

import java.util.Locale;

/**
 * The kinds of error the API answers with, each an RFC 9457 problem type. The type URI is relative
 * to the API's own base URL, where docs/api.md describes each one.
 */
enum ProblemType {
  // The first type of each status is the one used for that status in general (forStatus).
  INVALID_REQUEST(400, "Invalid request"),
  UNAUTHENTICATED(401, "Unauthenticated"),
  INVALID_CREDENTIALS(401, "Invalid credentials"),
  INVALID_REFRESH_TOKEN(401, "Invalid refresh token"),
  NOT_FOUND(404, "Not found"),
  UNKNOWN_SYMBOL(404, "Unknown symbol"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  WORKFLOW_STEP_UNAVAILABLE(409, "Workflow step unavailable"),
  VERSION_PREDATES_INSIGHT(409, "Version predates insight"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  VALIDATION_FAILED(422, "Validation failed"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  UNREADABLE_GOAL(422, "Unreadable goal"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  INTERNAL_ERROR(500, "Internal error"),
  SERVICE_UNAVAILABLE(503, "Service unavailable"),
  MARKET_DATA_UNAVAILABLE(503, "Market data unavailable");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /** The problem for a status the router or Micronaut chose; unknown client errors are 400. */
  static ProblemType forStatus(int status) {
    for (ProblemType t : values()) {
      if (t.status == status) {
        return t;
      }
    }
    return status < 500 ? INVALID_REQUEST : INTERNAL_ERROR;
  }

  String uri() {
    return "/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
