package dev.finpilot.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** samconfig.toml: one stack per stage, deployed from template.yaml with the stage parameter. */
class SamConfigTest {

  private static final Map<String, String> STAGE_OF_ENVIRONMENT =
      Map.of("default", "dev", "dev", "dev", "staging", "staging", "prod", "prod");

  @Test
  void everyEnvironmentDeploysItsOwnStackOfItsStage() throws IOException {
    Map<String, Map<String, String>> config =
        parse(Files.readAllLines(Project.file("samconfig.toml"), UTF_8));

    STAGE_OF_ENVIRONMENT.forEach(
        (environment, stage) -> {
          Map<String, String> global =
              config.getOrDefault(environment + ".global.parameters", Map.of());
          Map<String, String> deploy =
              config.getOrDefault(environment + ".deploy.parameters", Map.of());
          assertThat(global)
              .as(environment)
              .containsEntry("stack_name", "\"finpilot-" + stage + "\"");
          assertThat(global).as(environment).containsKey("region");
          assertThat(deploy)
              .as(environment)
              .containsEntry("template_file", "\"template.yaml\"")
              .containsEntry("capabilities", "\"CAPABILITY_IAM\"")
              .containsEntry("resolve_s3", "true");
          assertThat(deploy.get("parameter_overrides")).as(environment).contains("Stage=" + stage);
          assertThat(deploy.get("confirm_changeset"))
              .as(environment)
              .isEqualTo(stage.equals("prod") ? "true" : "false");
        });
  }

  @Test
  void noSecretIsPassedAsAParameter() throws IOException {
    String config =
        Files.readString(Project.file("samconfig.toml"), UTF_8).toLowerCase(java.util.Locale.ROOT);

    assertThat(config).doesNotContain("apikey=", "signingkey=", "password=");
  }

  /** Enough TOML for samconfig: {@code [section]} headers and {@code key = value} lines. */
  private static Map<String, Map<String, String>> parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
      } else if (!line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
        int equals = line.indexOf('=');
        current.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
      }
    }
    return sections;
  }
}
