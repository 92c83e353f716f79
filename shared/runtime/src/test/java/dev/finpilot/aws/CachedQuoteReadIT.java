package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.Provenance;
import dev.finpilot.retrieval.CacheLifetimes;
import dev.finpilot.retrieval.FakeProvider;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataMetrics;
import dev.finpilot.retrieval.ReadThroughMarketData;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The latency of a cached quote read through the market-data table on the emulator (one consistent
 * GetItem and the JSON read), as docs/benchmarks.md reports it: prints p50 and p99.
 */
@WithAwsBackend
class CachedQuoteReadIT {

  private static final int WARM_UP = 300;
  private static final int READS = 2_000;

  @Test
  void aCachedQuoteIsReadWithoutAskingTheProvider(Environment env) {
    FakeProvider provider = new FakeProvider("alpha-vantage").answering("512.34");
    MarketData data =
        new ReadThroughMarketData(
            List.of(provider),
            new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable")),
            CacheLifetimes.DEFAULT,
            MarketDataMetrics.NONE,
            Clock.systemUTC());
    data.quote("SPY");
    for (int i = 0; i < WARM_UP; i++) {
      data.quote("SPY");
    }

    long[] nanos = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      assertThat(data.quote("SPY").provenance()).isEqualTo(Provenance.CACHED);
      nanos[i] = System.nanoTime() - start;
    }

    Arrays.sort(nanos);
    System.out.printf(
        "cached quote read on %s: p50 %.2f ms, p99 %.2f ms over %d reads%n",
        env.backend().description(), nanos[READS / 2] / 1e6, nanos[READS * 99 / 100] / 1e6, READS);
    assertThat(provider.calls()).isEqualTo(1);
  }
}
