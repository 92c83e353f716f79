package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

  /**
   * Tomorrow, not a fixed day: the emulator deletes items whose TTL has passed by the wall clock
   * (as DynamoDB does), so a budget stamped in the past could vanish between two steps of a test.
   */
  private static final LocalDate TEST_DAY = LocalDate.now(ZoneOffset.UTC).plusDays(1);

  private static final Instant NOW = TEST_DAY.atTime(10, 15).toInstant(ZoneOffset.UTC);
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
    Map<String, AttributeValue> item = item("budget#alpha-vantage#0a1b2c3d#" + startOf(TEST_DAY));
    assertThat(item.get("taken").n()).isEqualTo("25");
    assertThat(Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())))
        .isEqualTo(startOf(TEST_DAY.plusDays(2)));
  }

  @Test
  void aNewWindowStartsAFreshAllowance() {
    Duration minute = Duration.ofMinutes(1);
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW)).isTrue();
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(59))).isTrue();
    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(30))).isFalse();

    assertThat(budget.tryTake("yahoo-finance", 2, minute, NOW.plusSeconds(60))).isTrue();
    assertThat(item("budget#yahoo-finance#" + NOW.plusSeconds(60)).get("taken").n()).isEqualTo("1");
  }

  @Test
  void budgetsAreCountedApartAndALimitOfZeroGrantsNothing() {
    assertThat(budget.tryTake("alpha-vantage#11111111", 1, DAY, NOW)).isTrue();
    assertThat(budget.tryTake("alpha-vantage#22222222", 1, DAY, NOW)).isTrue();
    assertThat(budget.tryTake("alpha-vantage#11111111", 1, DAY, NOW)).isFalse();
    assertThat(budget.tryTake("alpha-vantage#33333333", 0, DAY, NOW)).isFalse();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private Map<String, AttributeValue> item(String pk) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Items.key(pk, DynamoRequestBudget.SORT_KEY)))
        .item();
  }
}
