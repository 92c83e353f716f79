package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.retrieval.CacheLifetimes;
import dev.finpilot.retrieval.ConcurrentReaders;
import dev.finpilot.retrieval.FakeProvider;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataMetrics;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ReadThroughMarketData;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Market data read through the template's market-data table: what one instance fetched is served to
 * the others until it expires, and concurrent misses in separate instances make one provider call
 * between them.
 */
@WithAwsBackend
class ReadThroughMarketDataIT {

  /**
   * Today, not a fixed day: the emulator deletes items whose TTL has passed by the wall clock (as
   * DynamoDB does), so a quote stamped in the past could vanish between two steps of a test.
   */
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final DynamoMarketDataCache cache;
  private final FakeProvider provider = new FakeProvider("alpha-vantage").answering("512.34");

  ReadThroughMarketDataIT(Environment env) {
    this.cache = new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable"));
  }

  /** A function instance of its own, reading at {@code now}. */
  private MarketData instanceAt(Instant now) {
    return new ReadThroughMarketData(
        List.of(provider),
        cache,
        CacheLifetimes.DEFAULT,
        MarketDataMetrics.NONE,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aQuoteIsServedFromTheTableUntilItExpiresThenFetchedAgain() {
    assertThat(instanceAt(NOW).quote("SPY").provenance()).isEqualTo(Provenance.LIVE);

    Quote cached = instanceAt(NOW.plus(Duration.ofMinutes(4))).quote("SPY");

    assertThat(cached.provenance()).isEqualTo(Provenance.CACHED);
    assertThat(cached.price()).isEqualByComparingTo("512.34");
    assertThat(provider.calls()).isEqualTo(1);

    provider.answering("515.00");
    Quote refetched = instanceAt(NOW.plus(CacheLifetimes.DEFAULT.quotes())).quote("SPY");

    assertThat(refetched.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(refetched.price()).isEqualByComparingTo("515.00");
    assertThat(provider.calls()).isEqualTo(2);
  }

  @Test
  void anExpiredQuoteStaysReadableAndIsServedAsStaleWhenTheProviderFails() {
    instanceAt(NOW).quote("VTI");
    provider.failing(ProviderException.Kind.UNAVAILABLE);

    Quote stale = instanceAt(NOW.plus(Duration.ofDays(2))).quote("VTI");

    assertThat(stale.provenance()).isEqualTo(Provenance.STALE);
    assertThat(stale.price()).isEqualByComparingTo("512.34");
  }

  @Test
  void twentyConcurrentMissesInSeparateInstancesMakeOneProviderCall() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    provider.heldUntil(held);
    List<Quote> quotes =
        ConcurrentReaders.read(20, () -> instanceAt(NOW).quote("QQQ"), held, provider::calls);

    assertThat(provider.calls()).isEqualTo(1);
    assertThat(quotes).hasSize(20);
    assertThat(quotes)
        .allSatisfy(q -> assertThat(q.price()).isEqualByComparingTo("512.34"))
        .filteredOn(q -> q.provenance() == Provenance.LIVE)
        .hasSize(1);
  }

  @Test
  void aLeaseIsHeldByOneReaderUntilItIsGivenBackOrRunsOut() {
    assertThat(cache.tryLease("quote#DIA", "first", NOW, NOW.plusSeconds(5))).isTrue();
    assertThat(cache.tryLease("quote#DIA", "second", NOW.plusSeconds(1), NOW.plusSeconds(6)))
        .isFalse();
    assertThat(cache.leased("quote#DIA", NOW.plusSeconds(4))).isTrue();

    cache.release("quote#DIA", "second");
    assertThat(cache.leased("quote#DIA", NOW.plusSeconds(4))).isTrue();
    cache.release("quote#DIA", "first");
    assertThat(cache.leased("quote#DIA", NOW.plusSeconds(4))).isFalse();

    assertThat(cache.tryLease("quote#DIA", "second", NOW, NOW.plusSeconds(5))).isTrue();
    assertThat(cache.leased("quote#DIA", NOW.plusSeconds(5))).isFalse();
    assertThat(cache.tryLease("quote#DIA", "third", NOW.plusSeconds(6), NOW.plusSeconds(9)))
        .isTrue();
    assertThat(cache.entry("quote#DIA")).isEmpty();
  }
}
