package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLocatorTest {

  @TempDir Path root;

  @Test
  void findsTheTemplateAtTheReactorRootFromAModule() throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.writeString(root.resolve("template.yaml"), "Resources: {}");
    Path module = Files.createDirectories(root.resolve("functions/planning"));
    Files.writeString(root.resolve("functions/pom.xml"), "<project/>");
    Files.writeString(module.resolve("pom.xml"), "<project/>");

    assertThat(TemplateLocator.locate(module)).isEqualTo(root.resolve("template.yaml"));
  }

  @Test
  void stopsAtTheFirstDirectoryOutsideTheReactor() throws IOException {
    Files.writeString(root.resolve("template.yaml"), "Resources: {}");
    Path project = Files.createDirectories(root.resolve("project"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");

    assertThatThrownBy(() -> TemplateLocator.locate(project))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("No template.yaml found in " + project);
  }
}
