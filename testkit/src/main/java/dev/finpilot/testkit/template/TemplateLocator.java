package dev.finpilot.testkit.template;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's {@code template.yaml}: walks up from a start directory (a module's directory
 * when Surefire runs) through directories that belong to the Maven reactor, i.e. contain a pom.xml.
 */
public final class TemplateLocator {

  public static final String FILE_NAME = "template.yaml";

  private TemplateLocator() {}

  /** The template next to the reactor root, searched from the JVM's working directory. */
  public static Path locate() {
    return locate(Path.of("").toAbsolutePath());
  }

  public static Path locate(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
        break;
      }
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new TemplateException(
        "No "
            + FILE_NAME
            + " found in "
            + start.toAbsolutePath()
            + " or the Maven reactor directories above it");
  }
}
