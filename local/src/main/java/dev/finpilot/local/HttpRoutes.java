package dev.finpilot.local;

import dev.finpilot.testkit.http.RoutePattern;
import dev.finpilot.testkit.template.SamTemplate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The HTTP API routes of template.yaml: route key to the function it invokes. */
final class HttpRoutes {
  static final String HTTP_API = "AWS::Serverless::HttpApi";

  private HttpRoutes() {}

  /** One route: the function it invokes, and whether it skips the API's default authorizer. */
  record Route(String function, boolean open) {}

  /** The HttpApi's default Lambda authorizer: its function, identity headers and cache time. */
  record Authorizer(String function, List<String> headers, Duration ttl) {}

  static Map<RoutePattern, Route> read(SamTemplate template) {
    Map<RoutePattern, Route> routes = new LinkedHashMap<>();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Object events = template.properties(function).get("Events");
      if (!(events instanceof Map<?, ?> byName)) {
        continue;
      }
      for (Object event : byName.values()) {
        if (event instanceof Map<?, ?> e && "HttpApi".equals(e.get("Type"))) {
          Map<?, ?> properties = (Map<?, ?>) e.get("Properties");
          String method = String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT);
          boolean open =
              properties.get("Auth") instanceof Map<?, ?> auth
                  && "NONE".equals(auth.get("Authorizer"));
          routes.put(
              RoutePattern.parse(method + " " + properties.get("Path")), new Route(function, open));
        }
      }
    }
    return routes;
  }

  /** The default authorizer of the template's HttpApi, when it has one. */
  static Optional<Authorizer> defaultAuthorizer(SamTemplate template) {
    for (String api : template.logicalIds(HTTP_API)) {
      if (!(template.properties(api).get("Auth") instanceof Map<?, ?> auth)
          || !(auth.get("DefaultAuthorizer") instanceof String name)
          || !(auth.get("Authorizers") instanceof Map<?, ?> all)
          || !(all.get(name) instanceof Map<?, ?> spec)) {
        continue;
      }
      Map<?, ?> identity =
          spec.get("Identity") instanceof Map<?, ?> i ? i : Map.of("Headers", List.of());
      List<String> headers =
          identity.get("Headers") instanceof List<?> h
              ? h.stream().map(String::valueOf).toList()
              : List.of();
      long ttl = identity.get("ReauthorizeEvery") instanceof Number n ? n.longValue() : 300;
      return Optional.of(
          new Authorizer(functionOf(spec.get("FunctionArn")), headers, Duration.ofSeconds(ttl)));
    }
    return Optional.empty();
  }

  /** {@code !GetAtt Fn.Arn} or {@code !Ref Fn.Alias}: the function's logical id. */
  private static String functionOf(Object arn) {
    if (arn instanceof Map<?, ?> m && m.get("Ref") instanceof String ref) {
      return ref.split("\\.", 2)[0];
    }
    if (arn instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> getAtt) {
      return String.valueOf(getAtt.get(0));
    }
    throw new IllegalStateException("authorizer FunctionArn must name a function: " + arn);
  }
}
