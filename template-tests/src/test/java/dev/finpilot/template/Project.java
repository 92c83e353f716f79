package dev.finpilot.template;

import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.nio.file.Path;

/** Files of the project under test, found from the module's build (or the working directory). */
final class Project {

  private Project() {}

  static Path root() {
    String configured = System.getProperty("finpilot.root");
    Path start = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir"));
    return TemplateLocator.locate(start).getParent();
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static SamTemplate template() {
    return SamTemplate.read(file(TemplateLocator.FILE_NAME));
  }
}
