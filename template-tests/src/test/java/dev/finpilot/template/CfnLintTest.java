package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cfn-lint validates the template against the CloudFormation schemas and the SAM transform. */
class CfnLintTest {

  @Test
  void templatePassesCfnLintWithoutErrorsOrWarnings() {
    ExternalTool.Result result =
        ExternalTool.run(List.of("cfn-lint", "--", "template.yaml"), Map.of());

    // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational (not requested).
    assertThat(result.exitCode())
        .as("cfn-lint template.yaml reported:%n%s", result.output())
        .isZero();
  }
}
