package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.testkit.backend.AwsBackend;
import dev.finpilot.testkit.backend.BackendUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class AwsBackendExtensionTest {

  private static AwsBackend none() {
    throw new BackendUnavailableException("No AWS backend for the tests: nothing. Fix one of: x");
  }

  @Test
  void withoutABackendCiFails() {
    assertThatThrownBy(
            () ->
                AwsBackendExtension.backendOrSkip(
                    AwsBackendExtensionTest::none, name -> name.equals("CI") ? "true" : null))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("Fix one of");
  }

  @Test
  void withoutABackendALocalRunSkips() {
    assertThatThrownBy(
            () -> AwsBackendExtension.backendOrSkip(AwsBackendExtensionTest::none, name -> null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("No AWS backend for the tests");
  }

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
