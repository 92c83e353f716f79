package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function in the template points at the zip its Maven module builds, and the handler it
 * names exists: as a source file in the module and as a class at the root of the zip.
 *
 * <p>A function whose module directory does not exist yet is skipped (reported as aborted), so the
 * template can be written ahead of its modules. Once the module exists, its zip must exist too:
 * {@code mvn verify} builds the function modules before this one.
 */
class FunctionPackagingIT {

  private final SamTemplate template = Project.template();

  @Test
  void templateDeclaresExactlyTheContractFunctions() {
    assertThat(template.logicalIds(SamTemplate.FUNCTION))
        .containsExactlyInAnyOrderElementsOf(
            Contract.FUNCTIONS.stream().map(Contract.Function::logicalId).toList());
  }

  @Test
  void everyFunctionPointsAtItsModuleZipAndHandler() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      Map<String, Object> p = template.functionProperties(f.logicalId());
      assertThat(p.get("CodeUri")).as(f.logicalId()).isEqualTo(f.codeUri());
      assertThat(p.get("Handler")).as(f.logicalId()).isEqualTo(f.handler());
    }
  }

  @Test
  void globalsSetRuntimeArchitectureSnapStartAliasTracingAndJsonLogs() {
    Map<String, Object> g = template.functionGlobals();

    assertThat(g.get("Runtime")).isEqualTo("java21");
    assertThat(g.get("Architectures")).isEqualTo(List.of("arm64"));
    assertThat(Nodes.at(g, "SnapStart", "ApplyOn")).contains("PublishedVersions");
    assertThat(g.get("AutoPublishAlias")).isEqualTo("live");
    assertThat(g.get("Tracing")).isEqualTo("Active");
    assertThat(Nodes.at(g, "LoggingConfig", "LogFormat")).contains("JSON");
  }

  @TestFactory
  Stream<DynamicTest> handlerClassIsInItsModuleAndInItsZip() {
    return Contract.FUNCTIONS.stream()
        .map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> checkHandler(f)));
  }

  private static void checkHandler(Contract.Function f) throws IOException {
    Path module = Project.file("functions/" + f.module());
    Assumptions.assumeTrue(
        Files.isDirectory(module), () -> "module " + module + " does not exist yet");

    assertThat(Project.file(f.handlerSource()))
        .as("handler source of " + f.logicalId())
        .isRegularFile();

    Path zip = Project.file(f.codeUri());
    assertThat(zip)
        .as("%s is built by `mvn -B -ntp package` before this module runs", f.codeUri())
        .isRegularFile();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      assertThat(archive.getEntry(f.handlerZipEntry()))
          .as("%s at the root of %s", f.handlerZipEntry(), f.codeUri())
          .isNotNull();
      List<String> misplacedJars =
          archive.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.endsWith(".jar") && !name.startsWith("lib/"))
              .toList();
      assertThat(misplacedJars).as("dependency jars belong under lib/ in " + f.codeUri()).isEmpty();
    }
  }
}
