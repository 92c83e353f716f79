package dev.finpilot.retrieval;

/**
 * What reading market data costs and how it is served, counted for the operators' dashboards: calls
 * to each provider and their failures by kind, moves to the next source, cache hits and misses, and
 * stale answers. Counts are published together by {@link #flush()}, after each answer.
 */
public interface MarketDataMetrics {

  /** Counts nothing: for code paths and tests that do not look at metrics. */
  MarketDataMetrics NONE =
      new MarketDataMetrics() {
        @Override
        public void providerCalled(String provider) {}

        @Override
        public void providerFailed(String provider, ProviderException.Kind kind) {}

        @Override
        public void fellBack(String provider) {}

        @Override
        public void cacheHit() {}

        @Override
        public void cacheMiss() {}

        @Override
        public void staleServed() {}

        @Override
        public void flush() {}
      };

  /** A request was sent to {@code provider}. */
  void providerCalled(String provider);

  /** {@code provider} answered with an error of {@code kind} instead of data. */
  void providerFailed(String provider, ProviderException.Kind kind);

  /** {@code provider} could not answer and the next source was asked. */
  void fellBack(String provider);

  /** A fresh cached answer was served without asking a provider. */
  void cacheHit();

  /** Nothing fresh was cached: a provider had to be asked, or another reader's answer awaited. */
  void cacheMiss();

  /** No provider could answer and an expired cached answer was served, labelled stale. */
  void staleServed();

  /** Publishes what was counted since the last flush. */
  void flush();
}
