package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void aProblemIsPrintedInWordsWithItsFieldsAndCorrelationId() {
    ApiResponse response =
        new ApiResponse(
            422,
            "{\"type\":\"/problems/validation-failed\",\"title\":\"Validation failed\",\"status\":422,"
                + "\"detail\":\"1 field(s) of the planning request are invalid\","
                + "\"correlationId\":\"corr-1\","
                + "\"errors\":[{\"field\":\"state.age\",\"message\":\"must be between 18 and 100\"}]}",
            "header-id");

    CliFailure failure = Problems.failure(response);

    assertThat(failure.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(failure.getMessage())
        .isEqualToNormalizingNewlines(
            "Validation failed (422): 1 field(s) of the planning request are invalid\n"
                + "  state.age: must be between 18 and 100\n"
                + "correlation id: corr-1");
  }

  @Test
  void theGatewaysOwnRefusalSaysToLogInAgain() {
    CliFailure failure = Problems.failure(new ApiResponse(403, "{\"message\":\"Forbidden\"}", ""));

    assertThat(failure.exitCode()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
    assertThat(failure.getMessage()).contains("403 Forbidden").contains("finpilot login");
  }

  @Test
  void statusesMapToTheDocumentedExitCodes() {
    assertThat(ExitCodes.forStatus(401)).isEqualTo(3);
    assertThat(ExitCodes.forStatus(403)).isEqualTo(3);
    assertThat(ExitCodes.forStatus(404)).isEqualTo(4);
    assertThat(ExitCodes.forStatus(500)).isEqualTo(6);
    assertThat(ExitCodes.forStatus(503)).isEqualTo(6);
    assertThat(ExitCodes.forStatus(400)).isEqualTo(7);
    assertThat(ExitCodes.forStatus(409)).isEqualTo(7);
    assertThat(ExitCodes.forStatus(429)).isEqualTo(7);
  }

  @Test
  void aBodyThatIsNotJsonStillGivesTheStatusAndTheHeadersCorrelationId() {
    String text = Problems.describe(new ApiResponse(502, "<html>bad gateway</html>", "c-9"));

    assertThat(text).isEqualToNormalizingNewlines("the API answered 502\ncorrelation id: c-9");
  }
}
