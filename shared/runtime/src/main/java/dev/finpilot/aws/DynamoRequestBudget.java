package dev.finpilot.aws;

import dev.finpilot.retrieval.RequestBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Request budgets in the market-data table, one item per budget and window: {@code
 * budget#<name>#<window start>}, counting {@code taken}. A request is granted by one conditional
 * update that adds one while fewer than the limit were taken, so concurrent instances never grant
 * more than the limit between them. An item outlives its window by a day ({@code expiresAt}, the
 * table's TTL), for anyone looking into how a budget was spent.
 */
public final class DynamoRequestBudget implements RequestBudget {

  static final String SORT_KEY = "BUDGET";
  private static final Duration KEPT_AFTER_WINDOW = Duration.ofDays(1);

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoRequestBudget(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean tryTake(String budget, int limit, Duration window, Instant now) {
    if (limit <= 0) {
      return false;
    }
    long length = window.toMillis();
    Instant start =
        Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), length));
    Instant expiresAt = start.plus(window).plus(KEPT_AFTER_WINDOW);
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Items.key(key(budget, start), SORT_KEY))
                  .updateExpression("ADD taken :one SET expiresAt = :expiresAt")
                  .conditionExpression("attribute_not_exists(taken) OR taken < :limit")
                  .expressionAttributeValues(
                      Map.<String, AttributeValue>of(
                          ":one", Items.n(1),
                          ":limit", Items.n(limit),
                          ":expiresAt", Items.n(expiresAt.getEpochSecond()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static String key(String budget, Instant windowStart) {
    return "budget#" + budget + "#" + windowStart;
  }
}
