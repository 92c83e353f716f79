package dev.finpilot.local;

import dev.finpilot.testkit.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket API routes of template.yaml: route key ({@code $connect}, {@code $disconnect}) to
 * the function its Lambda proxy integration invokes.
 */
final class WebSocketRoutes {
  static final String ROUTE = "AWS::ApiGatewayV2::Route";

  /** {@code ${Name}} or {@code ${Name.Attribute}} in an {@code Fn::Sub} string. */
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

  private WebSocketRoutes() {}

  static Map<String, String> read(SamTemplate template) {
    Map<String, String> routes = new LinkedHashMap<>();
    for (String route : template.logicalIds(ROUTE)) {
      Map<String, Object> properties = template.properties(route);
      String integration = referenced(template, properties.get("Target"), false);
      if (integration == null) {
        continue;
      }
      String function =
          referenced(template, template.properties(integration).get("IntegrationUri"), true);
      if (function != null) {
        routes.put(String.valueOf(properties.get("RouteKey")), function);
      }
    }
    return routes;
  }

  /** The resource an {@code Fn::Sub} names: a function when {@code function}, else any other. */
  private static String referenced(SamTemplate template, Object value, boolean function) {
    if (!(value instanceof Map<?, ?> sub) || !(sub.get("Fn::Sub") instanceof String text)) {
      return null;
    }
    Matcher reference = REFERENCE.matcher(text);
    while (reference.find()) {
      String id = reference.group(1);
      if (template.hasResource(id) && SamTemplate.FUNCTION.equals(template.type(id)) == function) {
        return id;
      }
    }
    return null;
  }
}
