package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.backend.AwsBackends;
import dev.finpilot.testkit.backend.Required;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.SqsEventSource;
import dev.finpilot.testkit.template.TemplateException;
import dev.finpilot.testkit.template.TemplateLocator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The project's own template.yaml (the default of {@link WithAwsBackend}) provisions on the backend
 * and every function's environment and SQS triggers resolve. Skipped only while the template does
 * not exist yet.
 */
class ProjectTemplateIT {

  @Test
  void theProjectTemplateProvisionsAndEveryFunctionResolves() {
    Path location;
    try {
      location = TemplateLocator.locate();
    } catch (TemplateException e) {
      Assumptions.abort(e.getMessage());
      return;
    }
    Required.orSkip(AwsBackends::shared, System::getenv).reset();
    try (Environment env =
        Environment.provision(SamTemplate.read(location), StackNames.next(), Map.of())) {
      assertThat(env.functions()).isNotEmpty();
      EnvironmentOverrides overrides = EnvironmentOverrides.fromSystemProperties();
      for (FunctionSpec function : env.functions().values()) {
        assertThat(function.handler()).as(function.logicalId()).contains("::");
        // A run may blank a variable on purpose (offline market data); everything else resolves.
        Set<String> overridden = overrides.variables(function.logicalId());
        function
            .environment()
            .forEach(
                (name, value) ->
                    assertThat(overridden.contains(name) || !value.isBlank())
                        .as(function.logicalId() + " " + name)
                        .isTrue());
        for (SqsEventSource trigger : function.sqsEvents()) {
          assertThat(env.sqs().getQueueUrl(b -> b.queueName(queueName(trigger))).queueUrl())
              .isEqualTo(trigger.queueUrl());
        }
      }
    }
  }

  private static String queueName(SqsEventSource trigger) {
    return trigger.queueArn().substring(trigger.queueArn().lastIndexOf(':') + 1);
  }
}
