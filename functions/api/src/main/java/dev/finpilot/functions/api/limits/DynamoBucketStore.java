package dev.finpilot.functions.api.limits;

import static dev.finpilot.aws.Items.n;

import dev.finpilot.aws.Items;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Buckets in the rate-limit table: {@code pk = BUCKET#<policy>#<userId>}, {@code sk = BUCKET}, with
 * {@code expiresAt} (epoch seconds) as the table's TTL attribute.
 */
public final class DynamoBucketStore implements BucketStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoBucketStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Bucket> find(String key) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Bucket(
            number(item, "milliTokens"), number(item, "updatedAt"), number(item, "version")));
  }

  @Override
  public boolean save(String key, Bucket next, long expectedVersion, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put("milliTokens", n(next.milliTokens()));
    item.put("updatedAt", n(next.updatedAtMillis()));
    item.put("version", n(next.version()));
    item.put("expiresAt", n(expiresAt.getEpochSecond()));
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
    if (expectedVersion == 0) {
      put.conditionExpression("attribute_not_exists(pk)");
    } else {
      put.conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
    }
    try {
      dynamo.putItem(put.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key("BUCKET#" + key, "BUCKET");
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }
}
