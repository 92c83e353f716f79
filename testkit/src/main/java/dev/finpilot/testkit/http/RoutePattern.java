package dev.finpilot.testkit.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP API route key such as {@code GET /v1/plans/{id}} or {@code ANY /{proxy+}}, and the path
 * parameters API Gateway extracts when a request matches it.
 */
public record RoutePattern(String routeKey, String method, String path) {

  static final String DEFAULT_ROUTE = "$default";

  public static RoutePattern parse(String routeKey) {
    if (routeKey.equals(DEFAULT_ROUTE)) {
      return new RoutePattern(routeKey, "ANY", null);
    }
    String[] parts = routeKey.trim().split("\\s+", -1);
    if (parts.length != 2 || !parts[1].startsWith("/")) {
      throw new IllegalArgumentException(
          "routeKey: expected '$default' or 'METHOD /path', was '" + routeKey + "'");
    }
    return new RoutePattern(routeKey, parts[0].toUpperCase(Locale.ROOT), parts[1]);
  }

  /** Whether API Gateway would send this request to this route. */
  public boolean matches(String requestMethod, String requestPath) {
    try {
      match(requestMethod, requestPath);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Path parameters for a request; an error naming both when the request does not match. */
  Map<String, String> match(String requestMethod, String requestPath) {
    if (!method.equals("ANY") && !method.equals(requestMethod)) {
      throw new IllegalArgumentException(
          "Request " + requestMethod + " " + requestPath + " does not match route " + routeKey);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (path == null) {
      return parameters;
    }
    String[] expected = path.substring(1).split("/", -1);
    String[] actual = requestPath.substring(1).split("/", -1);
    for (int i = 0; i < expected.length; i++) {
      String segment = expected[i];
      boolean variable = segment.startsWith("{") && segment.endsWith("}");
      if (variable && segment.endsWith("+}")) {
        String name = segment.substring(1, segment.length() - 2);
        parameters.put(name, String.join("/", Arrays.copyOfRange(actual, i, actual.length)));
        return parameters;
      }
      if (i >= actual.length || (!variable && !segment.equals(actual[i]))) {
        throw mismatch(requestMethod, requestPath);
      }
      if (variable) {
        parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
      }
    }
    if (actual.length != expected.length) {
      throw mismatch(requestMethod, requestPath);
    }
    return parameters;
  }

  private IllegalArgumentException mismatch(String requestMethod, String requestPath) {
    return new IllegalArgumentException(
        "Request " + requestMethod + " " + requestPath + " does not match route " + routeKey);
  }
}
