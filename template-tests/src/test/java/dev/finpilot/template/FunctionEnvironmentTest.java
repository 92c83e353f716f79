package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Environment variables: each function gets exactly those its code reads ({@link LeastPrivilege}),
 * each naming a resource of the right kind, and no reference to anything the template does not
 * declare.
 */
class FunctionEnvironmentTest {

  /** What a variable's suffix says its value is: Ref of a table is its name, of a queue its URL. */
  private static final Map<String, String> TYPE_BY_SUFFIX =
      Map.of(
          "_TABLE", SamTemplate.TABLE,
          "_QUEUE_URL", SamTemplate.QUEUE,
          "_SECRET_ARN", SamTemplate.SECRET);

  private final SamTemplate template = Project.template();

  @Test
  void everyReferenceInAFunctionEnvironmentNamesADeclaredResourceOrParameter() {
    Set<String> known = template.referenceableIds();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      for (String id : References.of(template.environment(function))) {
        assertThat(id.startsWith("AWS::") || known.contains(id))
            .as("%s environment references %s", function, id)
            .isTrue();
      }
    }
  }

  @Test
  void globalsCarryOnlyWhatEveryFunctionReadsAndNoResourceName() {
    Map<String, Object> globals =
        Nodes.mapAt(template.functionGlobals(), "Environment", "Variables");

    assertThat(globals.keySet()).isEqualTo(LeastPrivilege.GLOBAL_VARIABLES);
    assertThat(References.of(globals)).isEmpty();
  }

  @Test
  void everyFunctionGetsExactlyTheVariablesItsCodeReads() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Object> env = template.environment(function);
      assertThat(env.keySet()).as(function).isEqualTo(LeastPrivilege.of(function).variableNames());
      assertThat(env.get("POWERTOOLS_METRICS_NAMESPACE")).isEqualTo("FinPilot");
    }
  }

  @Test
  void everyVariableNamesTheResourceItsCodeUsesItFor() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Object> env = template.environment(function);
      LeastPrivilege.of(function)
          .variables()
          .forEach(
              (variable, resource) ->
                  assertThat(
                          References.of(env.get(variable)).stream()
                              .filter(template::hasResource)
                              .toList())
                      .as("%s %s = %s", function, variable, env.get(variable))
                      .containsExactly(resource));
    }
  }

  @Test
  void tableVariablesAreTableNamesAndQueueVariablesAreQueueUrls() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Object> env = template.environment(function);
      env.forEach(
          (variable, value) ->
              TYPE_BY_SUFFIX.forEach(
                  (suffix, type) -> {
                    if (variable.endsWith(suffix)) {
                      String resource = References.target(value).orElse("");
                      assertThat(References.isRef(value, resource))
                          .as("%s %s = %s", function, variable, value)
                          .isTrue();
                      assertThat(template.type(resource)).as(variable).isEqualTo(type);
                    }
                  }));
    }
  }

  @Test
  void everyFunctionHasItsOwnServiceName() {
    List<Object> names = new ArrayList<>();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Object name = template.environment(function).get("POWERTOOLS_SERVICE_NAME");
      assertThat(name).as(function).isInstanceOf(String.class);
      names.add(name);
    }
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void onlyQueueConsumersHaveADeadLetterQueueVariable() {
    assertThat(template.environment("ApiFunction")).doesNotContainKey("DEAD_LETTER_QUEUE_URL");
    for (Contract.Function f : Contract.queueConsumers()) {
      assertThat(template.environment(f.logicalId())).containsKey("DEAD_LETTER_QUEUE_URL");
    }
  }
}
