package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Environment variables: the contract's names, each resolving to a resource of the right kind, and
 * no reference to anything the template does not declare.
 */
class FunctionEnvironmentTest {

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
  void everyFunctionGetsTheContractVariables() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Object> env = template.environment(function);
      assertThat(env)
          .as(function)
          .containsKeys(Contract.RESOURCE_VARIABLES.keySet().toArray(String[]::new))
          .containsKeys(Contract.LITERAL_VARIABLES.toArray(String[]::new));
      assertThat(env.get("POWERTOOLS_METRICS_NAMESPACE")).isEqualTo("FinPilot");
    }
  }

  @Test
  void tableVariablesAreTableNamesAndQueueVariablesAreQueueUrls() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Object> env = template.environment(function);
      Contract.RESOURCE_VARIABLES.forEach(
          (variable, resource) -> {
            // Ref of a table is its name, Ref of a queue its URL: what the SDK calls take.
            assertThat(References.isRef(env.get(variable), resource))
                .as("%s %s = %s", function, variable, env.get(variable))
                .isTrue();
            String expectedType =
                variable.endsWith("_TABLE") ? SamTemplate.TABLE : SamTemplate.QUEUE;
            assertThat(template.type(resource)).as(variable).isEqualTo(expectedType);
          });
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
