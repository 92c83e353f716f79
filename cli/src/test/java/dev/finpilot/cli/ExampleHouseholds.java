package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example households and the command examples/README.md gives to plan each. */
final class ExampleHouseholds {
  private static final Pattern COMMAND =
      Pattern.compile("bin/finpilot plan \"([^\"]+)\" --state (examples/[a-z-]+\\.json)");

  /** One documented example: the goal in words and the state file. */
  record Example(String goal, Path state) {}

  private ExampleHouseholds() {}

  static Path root() {
    return TemplateLocator.locate().getParent();
  }

  static List<Example> documented() throws IOException {
    Path root = root();
    Matcher m = COMMAND.matcher(Files.readString(root.resolve("examples/README.md")));
    List<Example> examples = new ArrayList<>();
    while (m.find()) {
      examples.add(new Example(m.group(1), root.resolve(m.group(2))));
    }
    try (var files = Files.list(root.resolve("examples"))) {
      assertThat(examples)
          .as("every household in examples/ has its command in examples/README.md")
          .extracting(Example::state)
          .containsExactlyInAnyOrderElementsOf(
              files.filter(f -> f.toString().endsWith(".json")).toList());
    }
    return examples;
  }
}
