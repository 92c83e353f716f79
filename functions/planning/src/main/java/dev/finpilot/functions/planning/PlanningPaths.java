package dev.finpilot.functions.planning;

import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.projection.ProjectionRequest;

/**
 * How many Monte Carlo paths the planner scores each candidate with, from {@value #VARIABLE}: the
 * planner's default (10,000) where it is not set, as in the deployed template; the integration
 * tests set fewer. A value that is not a path count stops the function at start-up, before it takes
 * a message.
 */
final class PlanningPaths {

  static final String VARIABLE = "PLANNING_PATHS";

  private PlanningPaths() {}

  static PlanningOptions options(FunctionEnvironment env) {
    String value = env.variables().get(VARIABLE);
    PlanningOptions defaults = PlanningOptions.defaults();
    return value == null || value.isBlank() ? defaults : defaults.withPaths(parse(value.trim()));
  }

  private static int parse(String value) {
    int paths;
    try {
      paths = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(value, e);
    }
    if (paths < 1 || paths > ProjectionRequest.MAX_PATHS) {
      throw invalid(value, null);
    }
    return paths;
  }

  private static IllegalStateException invalid(String value, NumberFormatException cause) {
    return new IllegalStateException(
        VARIABLE
            + " must be a whole number of Monte Carlo paths from 1 to "
            + ProjectionRequest.MAX_PATHS
            + ", was '"
            + value
            + "'",
        cause);
  }
}
