package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Market data cached in the template's market-data table until its own expiry time. */
@WithAwsBackend
class DynamoMarketDataCacheIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private final DynamoMarketDataCache cache;

  DynamoMarketDataCacheIT(Environment env) {
    this.cache = new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable"));
  }

  @Test
  void aDocumentIsServedUntilItExpiresEvenBeforeTheTableDeletesIt() {
    cache.put("assumptions#2026", "{\"edition\":\"2026\"}", NOW.plusSeconds(60));

    assertThat(cache.get("assumptions#2026", NOW)).contains("{\"edition\":\"2026\"}");
    assertThat(cache.get("assumptions#2026", NOW.plusSeconds(60))).isEmpty();
    assertThat(cache.get("assumptions#1999", NOW)).isEmpty();
  }

  @Test
  void aNewerDocumentReplacesTheCachedOne() {
    cache.put("quote#VTI", "{\"price\":\"250.00\"}", NOW.plusSeconds(60));
    cache.put("quote#VTI", "{\"price\":\"251.00\"}", NOW.plusSeconds(120));

    assertThat(cache.get("quote#VTI", NOW.plusSeconds(90))).contains("{\"price\":\"251.00\"}");
  }
}
