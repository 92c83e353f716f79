package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * events/env-vars.localstack.json is the environment template.yaml gives each function, resolved
 * for the local stack as {@code finpilot invoke} and {@code bin/local} provision it, with the
 * emulator's address and account as LocalStack's seen from a {@code sam local invoke} container. It
 * is compared with the template on every run, so it cannot drift; {@code
 * -Dfinpilot.writeEnvVars=true} writes it anew.
 */
@WithAwsBackend
class InvokeEnvVarsIT {
  static final String LOCALSTACK = "http://host.docker.internal:4566";
  static final String LOCALSTACK_ACCOUNT = "000000000000";

  /** Secrets Manager appends six random characters to an ARN; a secret's name finds it too. */
  private static final Pattern SECRET_ARN =
      Pattern.compile("arn:aws:secretsmanager:[^:]+:[^:]+:secret:(.+)-[A-Za-z0-9]{6}");

  @Test
  void theLocalStackEnvVarsFileIsTheTemplatesEnvironment() throws IOException {
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    Map<String, Map<String, String>> expected = new TreeMap<>();
    expected.put("Parameters", Map.of("AWS_ENDPOINT_URL", LOCALSTACK));
    try (Environment env =
        Environment.provision(template, LocalRunner.STACK_NAME, LocalRunner.PARAMETERS)) {
      String endpoint = env.backend().endpoint().toString().replaceAll("/$", "");
      String account = env.backend().accountId();
      for (FunctionSpec function : env.functions().values()) {
        Map<String, String> variables = new TreeMap<>();
        function
            .environment()
            .forEach(
                (name, value) ->
                    variables.put(
                        name,
                        SECRET_ARN
                            .matcher(value.replace(endpoint, LOCALSTACK))
                            .replaceAll("$1")
                            .replace(account, LOCALSTACK_ACCOUNT)));
        expected.put(function.logicalId(), variables);
      }
    }
    String json =
        Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expected)
            + "\n";
    Path file =
        TemplateLocator.locate().resolveSibling("events").resolve("env-vars.localstack.json");
    if (Boolean.getBoolean("finpilot.writeEnvVars")) {
      Files.writeString(file, json);
    }
    assertThat(file).as("run InvokeEnvVarsIT with -Dfinpilot.writeEnvVars=true").exists();
    assertThat(Files.readString(file))
        .as("run InvokeEnvVarsIT with -Dfinpilot.writeEnvVars=true to write it anew")
        .isEqualTo(json);
  }
}
