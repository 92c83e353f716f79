package dev.finpilot.aws;

import dev.finpilot.retrieval.MarketDataMetrics;
import dev.finpilot.retrieval.ProviderException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Market-data metrics in CloudWatch Embedded Metric Format through Powertools Metrics, in the
 * namespace of {@code POWERTOOLS_METRICS_NAMESPACE} with the service dimension Powertools adds.
 * Counts are summed in memory and written by {@link #flush()}, one EMF document per set of
 * dimensions ({@code provider}, and {@code kind} for errors): Powertools' own context has one set
 * of dimensions per document, so each set is flushed as a separate one.
 */
public final class EmfMarketDataMetrics implements MarketDataMetrics {

  private record Count(String metric, Map<String, String> dimensions) {}

  private final Metrics metrics;
  private final Map<Count, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, BooleanSupplier> breakers = new ConcurrentHashMap<>();

  public EmfMarketDataMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Through the function's Powertools Metrics instance. */
  public static EmfMarketDataMetrics powertools() {
    return new EmfMarketDataMetrics(MetricsFactory.getMetricsInstance());
  }

  @Override
  public void providerCalled(String provider) {
    add("ProviderCalls", Map.of("provider", provider));
  }

  @Override
  public void providerFailed(String provider, ProviderException.Kind kind) {
    add("ProviderErrors", Map.of("provider", provider, "kind", kind.name()));
  }

  @Override
  public void fellBack(String provider) {
    add("Fallbacks", Map.of("provider", provider));
  }

  @Override
  public void cacheHit() {
    add("CacheHits", Map.of());
  }

  @Override
  public void cacheMiss() {
    add("CacheMisses", Map.of());
  }

  @Override
  public void staleServed() {
    add("StaleServed", Map.of());
  }

  /**
   * Reports {@code provider}'s circuit breaker with every flush that has counts: {@code
   * BreakerOpen} 1 while it is open (calls fail at once), 0 otherwise.
   */
  public EmfMarketDataMetrics watchBreaker(String provider, BooleanSupplier open) {
    breakers.put(provider, open);
    return this;
  }

  @Override
  public void flush() {
    Map<Map<String, String>, Map<String, Long>> byDimensions = new HashMap<>();
    for (Count count : List.copyOf(counts.keySet())) {
      LongAdder adder = counts.remove(count);
      if (adder != null) {
        byDimensions
            .computeIfAbsent(count.dimensions(), d -> new HashMap<>())
            .merge(count.metric(), adder.sum(), Long::sum);
      }
    }
    if (byDimensions.isEmpty()) {
      return;
    }
    breakers.forEach(
        (provider, open) ->
            byDimensions
                .computeIfAbsent(Map.of("provider", provider), d -> new HashMap<>())
                .put("BreakerOpen", open.getAsBoolean() ? 1L : 0L));
    byDimensions.forEach(
        (dimensions, values) ->
            metrics.flushMetrics(
                document -> {
                  if (!dimensions.isEmpty()) {
                    document.addDimension(DimensionSet.of(dimensions));
                  }
                  values.forEach(
                      (name, value) -> document.addMetric(name, value, MetricUnit.COUNT));
                }));
  }

  private void add(String metric, Map<String, String> dimensions) {
    counts.computeIfAbsent(new Count(metric, dimensions), c -> new LongAdder()).increment();
  }
}
