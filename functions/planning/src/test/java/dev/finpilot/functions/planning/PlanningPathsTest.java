package dev.finpilot.functions.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.planning.PlanningOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningPathsTest {

  @Test
  void withoutTheVariableThePlannerRunsItsDefaultTenThousandPaths() {
    PlanningOptions options = PlanningPaths.options(new FunctionEnvironment(Map.of()));

    assertThat(options).usingRecursiveComparison().isEqualTo(PlanningOptions.defaults());
    assertThat(options.paths()).isEqualTo(10_000);
    assertThat(PlanningPaths.options(env(" ")).paths()).isEqualTo(10_000);
  }

  @Test
  void theVariableSetsThePathCountAndNothingElse() {
    PlanningOptions options = PlanningPaths.options(env("1000"));

    assertThat(options)
        .usingRecursiveComparison()
        .isEqualTo(PlanningOptions.defaults().withPaths(1_000));
    assertThat(PlanningPaths.options(env(" 100000 ")).paths()).isEqualTo(100_000);
    assertThat(PlanningPaths.options(env("1")).paths()).isEqualTo(1);
  }

  @Test
  void aValueThatIsNotAPathCountStopsTheFunctionNamingTheVariable() {
    for (String junk : List.of("lots", "1e3", "1,000", "0", "-5", "100001", "99999999999")) {
      assertThatThrownBy(() -> PlanningPaths.options(env(junk)))
          .as(junk)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "PLANNING_PATHS must be a whole number of Monte Carlo paths from 1 to 100000, was '"
                  + junk
                  + "'");
    }
  }

  private static FunctionEnvironment env(String paths) {
    return new FunctionEnvironment(Map.of("PLANNING_PATHS", paths));
  }
}
