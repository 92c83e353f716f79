package dev.finpilot.testkit.backend;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does without the emulator it needs: on a developer's machine it is skipped with the
 * reason; under {@code CI=true}, where the emulator must exist, it fails with that reason instead.
 */
public final class Required {

  private Required() {}

  /**
   * The value {@code requirement} gives, or the calling test skipped (failed under CI) when it
   * throws {@link BackendUnavailableException}.
   */
  public static <T> T orSkip(Supplier<T> requirement, UnaryOperator<String> env) {
    try {
      return requirement.get();
    } catch (BackendUnavailableException e) {
      if ("true".equalsIgnoreCase(env.apply("CI"))) {
        throw e;
      }
      return Assumptions.abort(e.getMessage());
    }
  }
}
