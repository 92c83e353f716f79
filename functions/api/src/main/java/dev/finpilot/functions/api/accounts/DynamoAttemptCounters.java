package dev.finpilot.functions.api.accounts;

import static dev.finpilot.aws.Items.key;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counters in the rate-limit table ({@code ATTEMPTS#<key> / COUNTER}), incremented atomically with
 * {@code ADD}, so concurrent instances never lose a count; {@code expiresAt} is the TTL attribute.
 */
public final class DynamoAttemptCounters implements AttemptCounters {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoAttemptCounters(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public long increment(String key, Instant expiresAt) {
    Map<String, AttributeValue> updated =
        dynamo
            .updateItem(
                r ->
                    r.tableName(table)
                        .key(key("ATTEMPTS#" + key, "COUNTER"))
                        .updateExpression("ADD attempts :one SET expiresAt = :expires")
                        .expressionAttributeValues(
                            Map.of(
                                ":one", AttributeValue.builder().n("1").build(),
                                ":expires",
                                    AttributeValue.builder()
                                        .n(Long.toString(expiresAt.getEpochSecond()))
                                        .build()))
                        .returnValues(ReturnValue.UPDATED_NEW))
            .attributes();
    return Long.parseLong(updated.get("attempts").n());
  }

  @Override
  public long count(String key) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r -> r.tableName(table).key(key("ATTEMPTS#" + key, "COUNTER")).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("attempts").n());
  }
}
