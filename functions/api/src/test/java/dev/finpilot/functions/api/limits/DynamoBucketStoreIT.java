package dev.finpilot.functions.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.Items;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The conditional updates of the bucket store against the stack's rate-limit table. */
@WithAwsBackend
class DynamoBucketStoreIT {
  static final Instant T0 = Instant.parse("2026-03-02T14:05:07Z");
  static final long NOW = T0.toEpochMilli();

  private final Environment env;
  private final String table;
  private final DynamoBucketStore store;
  private final String user = "bucket-" + UUID.randomUUID();

  DynamoBucketStoreIT(Environment env) {
    this.env = env;
    this.table = env.functionEnv("ApiFunction").get("RATE_LIMIT_TABLE");
    this.store = new DynamoBucketStore(env.dynamoDb(), table);
  }

  @Test
  void aTakeStartsAFullBucketFromNowAndMovesABucketInUseOneIntervalOn() {
    String key = "READ#" + user;

    assertThat(store.take(key, NOW, 1000, NOW + 2000, T0)).hasValue(NOW + 1000);
    assertThat(store.take(key, NOW, 1000, NOW + 2000, T0)).hasValue(NOW + 2000);
    assertThat(store.take(key, NOW, 1000, NOW + 2000, T0)).hasValue(NOW + 3000);
    assertThat(store.take(key, NOW, 1000, NOW + 2000, T0)).isEmpty();
    assertThat(store.fullAt(key)).hasValue(NOW + 3000);

    long later = NOW + 10_000;
    assertThat(store.take(key, later, 1000, later + 2000, T0)).hasValue(later + 1000);
  }

  @Test
  void aBucketWrittenByTheEarlierReadThenWriteLimiterCountsAsFull() {
    String key = "WRITE#" + user;
    Map<String, AttributeValue> item = new HashMap<>(Items.key("BUCKET#" + key, "BUCKET"));
    item.put("milliTokens", Items.n(0));
    item.put("updatedAt", Items.n(NOW));
    item.put("version", Items.n(7));
    env.dynamoDb().putItem(r -> r.tableName(table).item(item));

    assertThat(store.take(key, NOW, 3000, NOW + 57_000, T0)).hasValue(NOW + 3000);
  }

  @Test
  void requestsRacingForTheLastTokensGetExactlyTheCapacity() throws Exception {
    RateLimiter limiter = new RateLimiter(store, Clock.fixed(T0, ZoneOffset.UTC));
    int racers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return limiter.take(user, RateLimitPolicy.PLAN_CREATION).allowed();
                }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Boolean> outcome : outcomes) {
        allowed += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(RateLimitPolicy.PLAN_CREATION.capacity());
    } finally {
      pool.shutdownNow();
    }
  }
}
