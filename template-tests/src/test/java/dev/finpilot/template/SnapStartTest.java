package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function starts from a SnapStart snapshot of its published version (taken after its priming
 * hooks ran, docs/benchmarks.md "Cold starts"), which its alias points at.
 */
class SnapStartTest {

  private final SamTemplate template = Project.template();

  @Test
  void everyFunctionHasSnapStartOnItsPublishedVersionsBehindItsAlias() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      Map<String, Object> properties = template.functionProperties(f.logicalId());
      assertThat(Nodes.map(properties.get("SnapStart")).get("ApplyOn"))
          .as(f.logicalId())
          .isEqualTo("PublishedVersions");
      // SnapStart applies to published versions only; the alias is what events and APIs call.
      assertThat(properties.get("AutoPublishAlias")).as(f.logicalId()).isEqualTo("live");
      assertThat((String) properties.get("Runtime")).as(f.logicalId()).startsWith("java");
    }
  }
}
