package dev.finpilot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReadThroughMarketDataTest {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

  final InMemoryMarketDataCache cache = new InMemoryMarketDataCache();
  final RecordingMarketDataMetrics metrics = new RecordingMarketDataMetrics();
  final FakeProvider alphaVantage = new FakeProvider("alpha-vantage").answering("512.34");
  final FakeProvider yahoo = new FakeProvider("yahoo-finance").answering("512.30");

  MarketData at(Instant now, MarketDataProvider... providers) {
    return new ReadThroughMarketData(
        List.of(providers),
        cache,
        CacheLifetimes.DEFAULT,
        metrics,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  MarketData live(Instant now) {
    return at(now, alphaVantage, yahoo);
  }

  @Test
  void aMissAsksTheFirstProviderAndTheAnswerIsServedFromTheCacheUntilItExpires() {
    Quote fetched = live(NOW).quote("SPY");
    Quote cached = live(NOW.plus(Duration.ofMinutes(4))).quote("SPY");

    assertThat(fetched.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(fetched.source()).isEqualTo("alpha-vantage");
    assertThat(cached.provenance()).isEqualTo(Provenance.CACHED);
    assertThat(cached.price()).isEqualByComparingTo("512.34");
    assertThat(cached.source()).isEqualTo("alpha-vantage");
    assertThat(alphaVantage.calls()).isEqualTo(1);
    assertThat(yahoo.calls()).isZero();
    assertThat(metrics.count("CacheMisses")).isEqualTo(1);
    assertThat(metrics.count("CacheHits")).isEqualTo(1);
    assertThat(metrics.count("ProviderCalls/alpha-vantage")).isEqualTo(1);
    assertThat(metrics.flushes()).isEqualTo(2);

    alphaVantage.answering("515.00");
    Quote refetched = live(NOW.plus(CacheLifetimes.DEFAULT.quotes())).quote("SPY");

    assertThat(refetched.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(refetched.price()).isEqualByComparingTo("515.00");
    assertThat(alphaVantage.calls()).isEqualTo(2);
  }

  @Test
  void seriesAreCachedForADayUnderTheirOwnKeys() {
    MarketData data = live(NOW);
    Series closes = data.dailyCloses("SPY");
    data.treasuryYield(Rate.DGS10);
    data.treasuryYield(Rate.DGS3MO);
    data.consumerPrices();

    MarketData nextMorning = live(NOW.plus(Duration.ofHours(23)));
    assertThat(nextMorning.dailyCloses("SPY").provenance()).isEqualTo(Provenance.CACHED);
    assertThat(nextMorning.treasuryYield(Rate.DGS10).name()).isEqualTo("DGS10");
    assertThat(nextMorning.treasuryYield(Rate.DGS3MO).name()).isEqualTo("DGS3MO");
    assertThat(nextMorning.consumerPrices().unit()).isEqualTo(Series.Unit.INDEX);
    assertThat(alphaVantage.calls()).isEqualTo(4);
    assertThat(closes.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(cache.holds("closes#SPY")).isTrue();
    assertThat(cache.holds("yield#DGS10")).isTrue();
    assertThat(cache.holds("yield#DGS3MO")).isTrue();
    assertThat(cache.holds("cpi")).isTrue();

    assertThat(live(NOW.plus(Duration.ofDays(1))).dailyCloses("SPY").provenance())
        .isEqualTo(Provenance.LIVE);
    assertThat(alphaVantage.calls()).isEqualTo(5);
  }

  @Test
  void aProviderThatCannotAnswerHandsTheRequestToTheNext() {
    alphaVantage.failing(ProviderException.Kind.DAILY_LIMIT);

    Quote quote = live(NOW).quote("SPY");

    assertThat(quote.source()).isEqualTo("yahoo-finance");
    assertThat(quote.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(metrics.count("ProviderErrors/alpha-vantage/DAILY_LIMIT")).isEqualTo(1);
    assertThat(metrics.count("Fallbacks/alpha-vantage")).isEqualTo(1);
    assertThat(metrics.count("ProviderCalls/yahoo-finance")).isEqualTo(1);
  }

  @Test
  void anUnknownSymbolEndsTheSearchAndIsRememberedBriefly() {
    alphaVantage.failing(ProviderException.Kind.NOT_FOUND);

    assertThatThrownBy(() -> live(NOW).quote("NOPE"))
        .isInstanceOf(UnknownSymbolException.class)
        .hasMessageContaining("alpha-vantage")
        .hasMessageContaining("NOPE");
    assertThatThrownBy(() -> live(NOW.plus(Duration.ofMinutes(9))).dailyCloses("NOPE"))
        .isInstanceOf(UnknownSymbolException.class);
    assertThatThrownBy(() -> live(NOW.plus(Duration.ofMinutes(9))).quote("NOPE"))
        .isInstanceOf(UnknownSymbolException.class);

    assertThat(yahoo.calls()).isZero();
    assertThat(alphaVantage.calls()).isEqualTo(2);
    assertThat(metrics.count("CacheHits")).isEqualTo(1);

    alphaVantage.answering("1.00");
    assertThat(live(NOW.plus(CacheLifetimes.DEFAULT.unknownSymbols())).quote("NOPE").price())
        .isEqualByComparingTo("1.00");
  }

  @Test
  void whenEveryProviderFailsAnExpiredAnswerIsServedAsStale() {
    live(NOW).quote("SPY");
    alphaVantage.failing(ProviderException.Kind.UNAVAILABLE);
    yahoo.failing(ProviderException.Kind.RATE_LIMITED);

    Quote stale = live(NOW.plus(Duration.ofHours(3))).quote("SPY");

    assertThat(stale.provenance()).isEqualTo(Provenance.STALE);
    assertThat(stale.price()).isEqualByComparingTo("512.34");
    assertThat(stale.fetchedAt()).isBefore(NOW);
    assertThat(metrics.count("StaleServed")).isEqualTo(1);
    assertThat(metrics.count("Fallbacks/yahoo-finance")).isEqualTo(1);
  }

  @Test
  void whenEveryProviderFailsAndNothingIsCachedTheFailureSaysWhatEachDid() {
    alphaVantage.failing(ProviderException.Kind.DAILY_LIMIT);
    yahoo.failing(ProviderException.Kind.MALFORMED);

    assertThatThrownBy(() -> live(NOW).treasuryYield(Rate.DGS10))
        .isInstanceOfSatisfying(
            MarketDataUnavailableException.class,
            e ->
                assertThat(e.attempts())
                    .containsExactly(
                        "alpha-vantage has no requests left today",
                        "yahoo-finance answered with something unreadable"))
        .hasMessageStartingWith("no source could provide the DGS10 yield: ");
  }

  @Test
  void everyKindOfFailureIsSaidInWords() {
    for (ProviderException.Kind kind : ProviderException.Kind.values()) {
      FakeProvider failing = new FakeProvider("p").failing(kind);
      assertThatThrownBy(() -> at(NOW, failing).consumerPrices())
          .isInstanceOfSatisfying(
              MarketDataUnavailableException.class,
              e ->
                  assertThat(e.attempts())
                      .singleElement()
                      .asString()
                      .startsWith("p ")
                      .hasSizeGreaterThan(10));
    }
  }

  @Test
  void withoutProvidersOnlyTheCacheAnswersAndTheFailureSaysWhy() {
    live(NOW).quote("SPY");
    MarketData offline = at(NOW.plus(Duration.ofMinutes(1)));
    MarketData offlineLater = at(NOW.plus(Duration.ofDays(2)));

    assertThat(offline.quote("SPY").provenance()).isEqualTo(Provenance.CACHED);
    assertThat(offlineLater.quote("SPY").provenance()).isEqualTo(Provenance.STALE);
    assertThatThrownBy(() -> offline.quote("VTI"))
        .isInstanceOfSatisfying(
            MarketDataUnavailableException.class,
            e -> assertThat(e.attempts()).containsExactly(OfflineMarketData.REASON));
  }

  @Test
  void aQuoteCachedBeforeProvenanceWasRecordedStillReads() {
    cache.put(
        "quote#SPY",
        "{\"symbol\":\"SPY\",\"price\":\"512.10\",\"currency\":\"USD\","
            + "\"asOf\":\"2026-03-02T14:00:00Z\",\"source\":\"alpha-vantage\","
            + "\"fetchedAt\":\"2026-03-02T14:01:00Z\"}",
        NOW.plusSeconds(60));

    Quote quote = live(NOW).quote("SPY");

    assertThat(quote.provenance()).isEqualTo(Provenance.CACHED);
    assertThat(quote.price()).isEqualByComparingTo("512.10");
    assertThat(alphaVantage.calls()).isZero();
  }

  @Test
  void aDocumentThisVersionCannotReadIsAMiss() {
    cache.put("quote#SPY", "not json", NOW.plusSeconds(60));
    cache.put("quote#VTI", "{\"symbol\":\"VTI\",\"price\":-1}", NOW.plusSeconds(60));

    assertThat(live(NOW).quote("SPY").provenance()).isEqualTo(Provenance.LIVE);
    assertThat(live(NOW).quote("VTI").provenance()).isEqualTo(Provenance.LIVE);
    assertThat(alphaVantage.calls()).isEqualTo(2);
  }

  @Test
  void concurrentMissesForOneKeyMakeOneProviderCall() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    alphaVantage.heldUntil(held);
    List<Quote> quotes =
        ConcurrentReaders.read(20, () -> live(NOW).quote("SPY"), held, alphaVantage::calls);

    assertThat(alphaVantage.calls()).isEqualTo(1);
    assertThat(quotes)
        .extracting(Quote::price)
        .allSatisfy(p -> assertThat(p).isEqualByComparingTo("512.34"));
    assertThat(quotes)
        .extracting(Quote::provenance)
        .containsOnly(Provenance.LIVE, Provenance.CACHED);
    assertThat(quotes).filteredOn(q -> q.provenance() == Provenance.LIVE).hasSize(1);
  }

  @Test
  void aReaderWaitingForAnotherThatGotNoAnswerFailsWithoutAskingTheProviders() {
    cache.tryLease("quote#SPY", "another reader", NOW, NOW.plusSeconds(5));
    cache.release("quote#SPY", "someone else");
    int checksBefore = cache.leaseChecks();
    Thread other =
        new Thread(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> cache.leaseChecks() > checksBefore);
              cache.release("quote#SPY", "another reader");
            });
    other.start();

    assertThatThrownBy(() -> live(NOW).quote("SPY"))
        .isInstanceOfSatisfying(
            MarketDataUnavailableException.class,
            e -> assertThat(e.attempts()).singleElement().asString().contains("another request"));
    assertThat(alphaVantage.calls()).isZero();
  }

  @Test
  void aReaderWaitsNoLongerThanTheLease() {
    cache.put(
        "quote#SPY",
        "{\"symbol\":\"SPY\",\"price\":\"500\",\"currency\":\"USD\",\"asOf\":\"2026-03-02T10:00:00Z\",\"source\":\"yahoo-finance\",\"fetchedAt\":\"2026-03-02T10:00:00Z\"}",
        NOW.minusSeconds(1));
    cache.tryLease("quote#SPY", "a reader that never returns", NOW, NOW.plusSeconds(60));
    MarketData data =
        new ReadThroughMarketData(
            List.of(alphaVantage),
            cache,
            new CacheLifetimes(
                Duration.ofMinutes(5),
                Duration.ofDays(1),
                Duration.ofMinutes(10),
                Duration.ofMillis(300)),
            metrics,
            Clock.fixed(NOW, ZoneOffset.UTC));

    Quote stale = data.quote("SPY");

    assertThat(stale.provenance()).isEqualTo(Provenance.STALE);
    assertThat(alphaVantage.calls()).isZero();
  }

  @Test
  void cacheLifetimesArePositive() {
    assertThatThrownBy(() -> CacheLifetimes.DEFAULT.withQuotes(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CacheLifetimes.DEFAULT.withSeries(Duration.ofHours(6)).series())
        .isEqualTo(Duration.ofHours(6));
  }
}
