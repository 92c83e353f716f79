package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template lookups that need no emulator, on the testkit's sample template. */
class SamTemplateTest {

  private final SamTemplate template = SamTemplate.fromClasspath("testkit/sample-template.yaml");

  @Test
  void functionPropertiesAndEnvironmentHaveGlobalsMergedUnderTheFunctionsOwn() {
    assertThat(template.functionProperties("PlanningFunction"))
        .containsEntry("Runtime", "java21")
        .containsEntry("Timeout", "1")
        .containsEntry("MemorySize", "2048");
    assertThat(template.functionTimeout("PlanningFunction")).isEqualTo(1);
    assertThat(template.functionTimeout("ApiFunction")).isEqualTo(20);

    Map<String, Object> environment = template.environment("PlanningFunction");
    assertThat(environment)
        .containsEntry("PLANS_TABLE", Map.of("Ref", "PlansTable"))
        .containsEntry("MAX_RECEIVE_COUNT", "2")
        .containsEntry("POWERTOOLS_SERVICE_NAME", "planning");
    assertThat(template.functionGlobals()).doesNotContainKey("POWERTOOLS_SERVICE_NAME");
  }

  @Test
  void eventsOfOneTypeAndTheQueueThatTriggersAFunction() {
    assertThat(template.events("WorkflowFunction", "SQS")).containsOnlyKeys("WorkflowMessages");
    assertThat(template.events("WorkflowFunction", "HttpApi")).isEmpty();
    assertThat(template.events("ApiFunction", "HttpApi").get("CreatePlan"))
        .containsEntry("Path", "/v1/plans");

    assertThat(template.triggerQueue("PlanningFunction")).contains("PlanningQueue");
    assertThat(template.triggerQueue("ApiFunction")).isEmpty();
  }

  @Test
  void queueVisibilityAndDeadLetterTargets() {
    assertThat(template.visibilityTimeout("PlanningQueue")).isEqualTo(1);
    assertThat(template.visibilityTimeout("PlanningDeadLetterQueue"))
        .isEqualTo(SamTemplate.DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
    assertThat(template.deadLetterQueue("PlanningQueue")).contains("PlanningDeadLetterQueue");
    assertThat(template.deadLetterQueue("PlanningDeadLetterQueue")).isEmpty();
  }

  @Test
  void aFindInMapKeyedByAParameterTakesOneValuePerAllowedValue() {
    Object retention = template.properties("WorkflowQueue").get("MessageRetentionPeriod");

    assertThat(template.findInMapValues(retention))
        .isEqualTo(List.of("345600", "604800", "1209600"));
  }

  @Test
  void resourcesAndParametersAreWhatAReferenceMayName() {
    assertThat(template.referenceableIds())
        .contains("Stage", "AllowedOrigins", "PlansTable", "WorkflowFunction")
        .doesNotContain("IsProd", "StageSettings");
    assertThat(template.resource("ProdOnlyQueue")).containsEntry("Condition", "IsProd");
  }
}
