package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.testkit.template.FunctionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

  private static final FunctionSpec PLANNING =
      new FunctionSpec(
          "PlanningFunction",
          "finpilot-planning",
          "arn:aws:lambda:us-east-1:1:function:finpilot-planning",
          "dev.finpilot.functions.planning.PlanningHandler::handleRequest",
          Duration.ofSeconds(120),
          2048,
          Map.of("PLANS_TABLE", "plans", "MAX_RECEIVE_COUNT", "5"),
          List.of());

  @Test
  void aPropertySetsOrReplacesOneVariableOfOneFunction() {
    EnvironmentOverrides overrides =
        EnvironmentOverrides.from(
            properties(
                "finpilot.testkit.env.PlanningFunction.PLANNING_PATHS", "1000",
                "finpilot.testkit.env.PlanningFunction.MAX_RECEIVE_COUNT", "2",
                "finpilot.testkit.env.ApiFunction.PLANNING_PATHS", "7",
                "user.name", "someone"));

    FunctionSpec planning = overrides.applyTo(PLANNING);

    assertThat(planning.environment())
        .isEqualTo(
            Map.of("PLANS_TABLE", "plans", "MAX_RECEIVE_COUNT", "2", "PLANNING_PATHS", "1000"));
    assertThat(planning)
        .usingRecursiveComparison()
        .ignoringFields("environment")
        .isEqualTo(PLANNING);
  }

  @Test
  void aFunctionWithoutOverridesIsLeftAsTheTemplateMadeIt() {
    EnvironmentOverrides overrides =
        EnvironmentOverrides.from(properties("finpilot.testkit.env.ApiFunction.X", "1"));

    assertThat(overrides.applyTo(PLANNING)).isSameAs(PLANNING);
  }

  @Test
  void aPropertyThatNamesNoVariableIsAnError() {
    for (String name :
        List.of(
            "finpilot.testkit.env.PlanningFunction", "finpilot.testkit.env.PlanningFunction.")) {
      assertThatThrownBy(() -> EnvironmentOverrides.from(properties(name, "1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("<FunctionLogicalId>.<VARIABLE>, was " + name);
    }
  }

  private static Properties properties(String... namesAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }
}
