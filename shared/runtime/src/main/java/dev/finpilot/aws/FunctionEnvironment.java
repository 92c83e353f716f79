package dev.finpilot.aws;

import java.util.Map;

/**
 * A function's configuration, as Lambda passes it in environment variables. Tests and the local
 * runner build the same map from template.yaml, so both read configuration the same way.
 */
public record FunctionEnvironment(Map<String, String> variables) {

  public FunctionEnvironment {
    variables = Map.copyOf(variables);
  }

  public static FunctionEnvironment fromSystem() {
    return new FunctionEnvironment(System.getenv());
  }

  public String require(String name) {
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("missing environment variable " + name);
    }
    return value;
  }

  public int requireInt(String name) {
    return Integer.parseInt(require(name));
  }

  public String plansTable() {
    return require("PLANS_TABLE");
  }
}
