package dev.finpilot.retrieval.providers;

import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.RequestBudget;
import java.time.Clock;
import java.time.Duration;

/**
 * One provider's view of the shared {@link RequestBudget}: a budget that cannot be consulted (its
 * table does not answer) fails the request as {@link Kind#UNAVAILABLE} rather than letting it
 * through unmetered.
 */
final class SharedBudget {
  private final String provider;
  private final RequestBudget budget;
  private final Clock clock;

  SharedBudget(String provider, RequestBudget budget, Clock clock) {
    this.provider = provider;
    this.budget = budget;
    this.clock = clock;
  }

  boolean tryTake(String name, int limit, Duration window) {
    try {
      return budget.tryTake(name, limit, window, clock.instant());
    } catch (RuntimeException e) {
      throw new ProviderException(
          provider,
          Kind.UNAVAILABLE,
          "the request budget "
              + name
              + " could not be consulted ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
