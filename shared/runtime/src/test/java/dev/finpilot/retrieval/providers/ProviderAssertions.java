package dev.finpilot.retrieval.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on provider failures. */
final class ProviderAssertions {

  /** The keys tests use; the first is the one the daily-limit fixture quotes back. */
  static final List<String> KEYS = List.of("FIXTUREKEY1", "FIXTUREKEY2", "FIXTUREKEY3");

  private ProviderAssertions() {}

  /**
   * Asserts the failure's kind, and that its message names the provider, holds no key and carries
   * no cause whose message could.
   */
  static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).startsWith(e.provider() + ": ");
              KEYS.forEach(key -> assertThat(e.getMessage()).doesNotContain(key));
              assertThat(e.getCause()).isNull();
            });
  }
}
