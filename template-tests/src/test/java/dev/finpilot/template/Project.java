package dev.finpilot.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project under test, found from the module's build (or the working directory). */
final class Project {

  private Project() {}

  static Path root() {
    String configured = System.getProperty("finpilot.root");
    Path start = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir"));
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no template.yaml in " + start + " or any parent directory");
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static SamTemplate template() {
    return SamTemplate.load(file("template.yaml"));
  }
}
