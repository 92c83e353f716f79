package dev.finpilot.local;

import dev.finpilot.testkit.http.RoutePattern;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP API routes of template.yaml: route key to the function it invokes. */
final class HttpRoutes {
  private HttpRoutes() {}

  static Map<RoutePattern, String> read(SamTemplate template) {
    Map<RoutePattern, String> routes = new LinkedHashMap<>();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Object events = template.properties(function).get("Events");
      if (!(events instanceof Map<?, ?> byName)) {
        continue;
      }
      for (Object event : byName.values()) {
        if (event instanceof Map<?, ?> e && "HttpApi".equals(e.get("Type"))) {
          Map<?, ?> properties = (Map<?, ?>) e.get("Properties");
          String method = String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT);
          routes.put(RoutePattern.parse(method + " " + properties.get("Path")), function);
        }
      }
    }
    return routes;
  }
}
