package dev.finpilot.retrieval;

import dev.finpilot.domain.Money;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider whose every answer is the same price (or the same failure), counting the calls made to
 * it; optionally slow, so that concurrent readers overlap.
 */
public final class FakeProvider implements MarketDataProvider {
  static final Instant AS_OF = Instant.parse("2026-03-02T14:00:00Z");

  private final String name;
  private volatile String price = "100.00";
  private volatile ProviderException.Kind failure;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicInteger calls = new AtomicInteger();

  public FakeProvider(String name) {
    this.name = name;
  }

  public FakeProvider answering(String price) {
    this.price = price;
    this.failure = null;
    return this;
  }

  public FakeProvider failing(ProviderException.Kind kind) {
    this.failure = kind;
    return this;
  }

  /** Every call waits until {@code opens} is counted down, like a provider still answering. */
  public FakeProvider heldUntil(CountDownLatch opens) {
    this.gate = opens;
    return this;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Quote quote(String symbol) {
    answer();
    return new Quote(symbol, new BigDecimal(price), Money.USD, AS_OF, name, AS_OF.plusSeconds(30));
  }

  @Override
  public Series dailyCloses(String symbol) {
    return series(symbol, Series.Unit.PRICE);
  }

  @Override
  public Series treasuryYield(Rate rate) {
    return series(rate.name(), Series.Unit.PERCENT);
  }

  @Override
  public Series consumerPrices() {
    return series("CPI", Series.Unit.INDEX);
  }

  private Series series(String seriesName, Series.Unit unit) {
    answer();
    return new Series(
        seriesName,
        unit,
        List.of(Observation.of("2026-02-27", "99.50"), Observation.of("2026-03-02", price)),
        name,
        AS_OF,
        Provenance.LIVE);
  }

  private void answer() {
    calls.incrementAndGet();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the provider answer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new ProviderException(name, failure, "scripted " + failure);
    }
  }
}
