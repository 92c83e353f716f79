package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackendExtensionTest {

  @Test
  void parametersAreNameValuePairs() {
    assertThat(AwsBackendExtension.parameters(new String[] {"Stage=prod", "Url=a=b"}))
        .isEqualTo(Map.of("Stage", "prod", "Url", "a=b"));
    assertThatThrownBy(() -> AwsBackendExtension.parameters(new String[] {"Stage"}))
        .hasMessageContaining("expected Name=Value, was 'Stage'");
  }

  @Test
  void templatesLoadFromTheClassPathOrAFile() {
    assertThat(
            AwsBackendExtension.load("classpath:testkit/sample-template.yaml")
                .logicalIds("AWS::SQS::Queue"))
        .contains("PlanningQueue", "WorkflowQueue");
    assertThat(AwsBackendExtension.load("src/test/resources/testkit/sample-template.yaml").source())
        .endsWith("sample-template.yaml");
    assertThatThrownBy(() -> AwsBackendExtension.load("classpath:nope.yaml"))
        .hasMessageContaining("No template on the class path at 'nope.yaml'");
  }
}
