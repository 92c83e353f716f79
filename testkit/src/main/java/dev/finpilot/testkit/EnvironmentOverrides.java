package dev.finpilot.testkit;

import dev.finpilot.testkit.template.FunctionSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Variables a run sets in functions' environments on top of what the template gives them, from
 * system properties named {@code finpilot.testkit.env.<FunctionLogicalId>.<VARIABLE>}. The
 * integration tests use it to plan with fewer Monte Carlo paths (see the root pom.xml) while
 * template.yaml keeps the configuration that is deployed. A property naming a function the template
 * does not have changes nothing, so one setting serves every test template.
 */
public final class EnvironmentOverrides {

  public static final String PREFIX = "finpilot.testkit.env.";

  private final Map<String, Map<String, String>> byFunction;

  private EnvironmentOverrides(Map<String, Map<String, String>> byFunction) {
    this.byFunction = byFunction;
  }

  public static EnvironmentOverrides fromSystemProperties() {
    return from(System.getProperties());
  }

  static EnvironmentOverrides from(Properties properties) {
    Map<String, Map<String, String>> byFunction = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String target = name.substring(PREFIX.length());
      int dot = target.indexOf('.');
      if (dot <= 0 || dot == target.length() - 1) {
        throw new IllegalArgumentException(
            "expected " + PREFIX + "<FunctionLogicalId>.<VARIABLE>, was " + name);
      }
      byFunction
          .computeIfAbsent(target.substring(0, dot), f -> new HashMap<>())
          .put(target.substring(dot + 1), properties.getProperty(name));
    }
    return new EnvironmentOverrides(byFunction);
  }

  /** The names of the variables this run sets in the function's environment. */
  public Set<String> variables(String functionLogicalId) {
    return Set.copyOf(byFunction.getOrDefault(functionLogicalId, Map.of()).keySet());
  }

  /** The function with the overridden variables set; the function itself when there are none. */
  public FunctionSpec applyTo(FunctionSpec function) {
    Map<String, String> overrides = byFunction.get(function.logicalId());
    if (overrides == null) {
      return function;
    }
    Map<String, String> environment = new HashMap<>(function.environment());
    environment.putAll(overrides);
    return new FunctionSpec(
        function.logicalId(),
        function.functionName(),
        function.functionArn(),
        function.handler(),
        function.timeout(),
        function.memorySizeMb(),
        environment,
        function.sqsEvents());
  }
}
