package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Request budgets shared through the template's market-data table. */
@WithAwsBackend
class DynamoRequestBudgetIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:15:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoRequestBudget budget;

  DynamoRequestBudgetIT(Environment env) {
    this.dynamo = env.dynamoDb();
    this.table = env.tableName("MarketDataTable");
    this.budget = new DynamoRequestBudget(dynamo, table);
  }

  @Test
  void thirtyConcurrentRequestsForALimitOfTwentyFiveAreGrantedExactlyTwentyFiveTimes()
      throws Exception {
    int threads = 30;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    Callable<Boolean> take =
        () -> {
          start.await();
          return budget.tryTake("alpha-vantage#0a1b2c3d", 25, DAY, NOW);
        };
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(take));
      }
      start.countDown();
      int granted = 0;
      for (Future<Boolean> result : results) {
        granted += result.get() ? 1 : 0;
      }

      assertThat(granted).isEqualTo(25);
    } finally {
      pool.shutdownNow();
    }
    Map<String, AttributeValue> item = item("budget#alpha-vantage#0a1b2c3d#2026-01-05T00:00:00Z");
    assertThat(item.get("taken").n()).isEqualTo("25");
    assertThat(Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())))
        .isEqualTo(Instant.parse("2026-01-07T00:00:00Z"));
  }

  @Test
  void aNewWindowStartsAFreshAllowance() {
    Duration minute = Duration.ofMinutes(1);
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW)).isTrue();
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(59))).isTrue();
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(30))).isFalse();

    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(60))).isTrue();
    assertThat(item("budget#yahoo-finance#2026-01-05T10:16:00Z").get("taken").n()).isEqualTo("1");
  }

  @Test
  void budgetsAreCountedApartAndALimitOfZeroGrantsNothing() {
    assertThat(budget.tryTake("alpha-vantage#11111111", 1, DAY, NOW)).isTrue();
    assertThat(budget.tryTake("alpha-vantage#22222222", 1, DAY, NOW)).isTrue();
    assertThat(budget.tryTake("alpha-vantage#11111111", 1, DAY, NOW)).isFalse();
    assertThat(budget.tryTake("alpha-vantage#33333333", 0, DAY, NOW)).isFalse();
  }

  private Map<String, AttributeValue> item(String pk) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Items.key(pk, DynamoRequestBudget.SORT_KEY)))
        .item();
  }
}
