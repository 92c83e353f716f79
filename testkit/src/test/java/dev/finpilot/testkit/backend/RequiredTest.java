package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredTest {

  private static AwsBackend none() {
    throw new BackendUnavailableException("No AWS backend for the tests: nothing. Fix one of: x");
  }

  @Test
  void withoutABackendCiFails() {
    assertThatThrownBy(
            () -> Required.orSkip(RequiredTest::none, name -> name.equals("CI") ? "true" : null))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("Fix one of");
  }

  @Test
  void withoutABackendALocalRunSkips() {
    assertThatThrownBy(() -> Required.orSkip(RequiredTest::none, name -> null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("No AWS backend for the tests");
  }

  @Test
  void whatIsAvailableIsReturned() {
    assertThat(Required.orSkip(() -> "moto", name -> "true")).isEqualTo("moto");
  }
}
