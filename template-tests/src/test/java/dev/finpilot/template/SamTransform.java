package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.testkit.template.Nodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs the real SAM transform (aws-sam-translator, offline) over template.yaml. */
final class SamTransform {

  private SamTransform() {}

  /**
   * The transformed template's resources, with {@code parameters} ({@code Name=value}) given as
   * {@code sam deploy --parameter-overrides} gives them and the others at their defaults.
   */
  static Map<String, Object> resources(Path work, String... parameters) throws IOException {
    Path script = work.resolve("sam_transform.py");
    if (!Files.exists(script)) {
      try (InputStream in =
          Objects.requireNonNull(SamTransform.class.getResourceAsStream("/sam_transform.py"))) {
        Files.copy(in, script);
      }
    }
    Path output = work.resolve("transformed-" + String.join("-", parameters) + ".json");
    List<String> command =
        new ArrayList<>(List.of("python3", script.toString(), "template.yaml", output.toString()));
    command.addAll(List.of(parameters));
    ExternalTool.Result result =
        ExternalTool.run(command, Map.of("AWS_DEFAULT_REGION", "us-east-1"));
    if (result.exitCode() == 3) {
      ExternalTool.missing(result.output().strip());
    }
    assertThat(result.exitCode()).as("SAM transform output:%n%s", result.output()).isZero();
    Map<String, Object> transformed =
        Nodes.map(new ObjectMapper().readValue(output.toFile(), Map.class));
    return Nodes.mapAt(transformed, "Resources");
  }
}
