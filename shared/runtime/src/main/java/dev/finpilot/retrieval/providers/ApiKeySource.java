package dev.finpilot.retrieval.providers;

/**
 * Where the Alpha Vantage keys come from: a secret in production (read again when it may have been
 * rotated), a fixed list ({@link ApiKeys} itself) in the local runtime and in tests.
 */
@FunctionalInterface
public interface ApiKeySource {

  /**
   * @throws IllegalArgumentException when the configured keys cannot be read as keys
   */
  ApiKeys current();
}
