package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.finpilot.retrieval.ProviderException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

class EmfMarketDataMetricsTest {

  /** One flushed EMF document: its dimensions and metric values. */
  record Document(Map<String, String> dimensions, Map<String, Double> values) {}

  /** The part of Powertools Metrics the adapter uses, writing documents into a list. */
  static final class Documents implements Metrics {
    final List<Document> flushed = new ArrayList<>();
    final Map<String, MetricUnit> units = new LinkedHashMap<>();
    final List<Context> coldStartsCaptured = new ArrayList<>();
    private Map<String, String> dimensions = new LinkedHashMap<>();
    private Map<String, Double> values = new LinkedHashMap<>();

    @Override
    public void flushMetrics(Consumer<Metrics> document) {
      dimensions = new LinkedHashMap<>();
      values = new LinkedHashMap<>();
      document.accept(this);
      flushed.add(new Document(dimensions, values));
    }

    @Override
    public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
      units.put(key, unit);
      values.merge(key, value, Double::sum);
    }

    @Override
    public void addDimension(DimensionSet set) {
      dimensions.putAll(set.getDimensions());
    }

    @Override
    public void setTimestamp(Instant timestamp) {}

    @Override
    public void addMetadata(String key, Object value) {}

    @Override
    public void setDefaultDimensions(DimensionSet set) {}

    @Override
    public DimensionSet getDefaultDimensions() {
      return new DimensionSet();
    }

    @Override
    public void setNamespace(String namespace) {}

    @Override
    public void setRaiseOnEmptyMetrics(boolean raise) {}

    @Override
    public void clearDefaultDimensions() {}

    @Override
    public void flush() {}

    @Override
    public void captureColdStartMetric(Context context, DimensionSet set) {
      coldStartsCaptured.add(context);
    }

    @Override
    public void captureColdStartMetric(DimensionSet set) {}
  }

  final Documents documents = new Documents();
  final EmfMarketDataMetrics metrics = new EmfMarketDataMetrics(documents);

  @Test
  void countsAreSummedAndFlushedOneDocumentPerSetOfDimensions() {
    metrics.cacheMiss();
    metrics.cacheMiss();
    metrics.cacheHit();
    metrics.staleServed();
    metrics.providerCalled("alpha-vantage");
    metrics.providerFailed("alpha-vantage", ProviderException.Kind.DAILY_LIMIT);
    metrics.fellBack("alpha-vantage");
    metrics.providerCalled("yahoo-finance");

    metrics.flush();

    assertThat(documents.flushed)
        .containsExactlyInAnyOrder(
            new Document(
                Map.of(), Map.of("CacheMisses", 2.0, "CacheHits", 1.0, "StaleServed", 1.0)),
            new Document(
                Map.of("provider", "alpha-vantage"),
                Map.of("ProviderCalls", 1.0, "Fallbacks", 1.0)),
            new Document(
                Map.of("provider", "alpha-vantage", "kind", "DAILY_LIMIT"),
                Map.of("ProviderErrors", 1.0)),
            new Document(Map.of("provider", "yahoo-finance"), Map.of("ProviderCalls", 1.0)));
    assertThat(documents.units.values()).containsOnly(MetricUnit.COUNT);
  }

  @Test
  void eachFlushWithCountsSaysWhetherEachWatchedBreakerIsOpen() {
    AtomicBoolean yahooOpen = new AtomicBoolean(true);
    metrics
        .watchBreaker("alpha-vantage", () -> false)
        .watchBreaker("yahoo-finance", yahooOpen::get);

    metrics.flush();
    metrics.providerCalled("yahoo-finance");
    metrics.flush();
    yahooOpen.set(false);
    metrics.cacheHit();
    metrics.flush();

    assertThat(documents.flushed)
        .containsExactlyInAnyOrder(
            new Document(Map.of("provider", "alpha-vantage"), Map.of("BreakerOpen", 0.0)),
            new Document(
                Map.of("provider", "yahoo-finance"),
                Map.of("ProviderCalls", 1.0, "BreakerOpen", 1.0)),
            new Document(Map.of(), Map.of("CacheHits", 1.0)),
            new Document(Map.of("provider", "alpha-vantage"), Map.of("BreakerOpen", 0.0)),
            new Document(Map.of("provider", "yahoo-finance"), Map.of("BreakerOpen", 0.0)));
  }

  @Test
  void aFlushWritesOnlyWhatWasCountedSinceTheLastOne() {
    metrics.cacheHit();
    metrics.flush();
    metrics.flush();
    metrics.cacheMiss();
    metrics.flush();

    assertThat(documents.flushed)
        .containsExactly(
            new Document(Map.of(), Map.of("CacheHits", 1.0)),
            new Document(Map.of(), Map.of("CacheMisses", 1.0)));
  }
}
