package dev.finpilot.functions.api;

import static dev.finpilot.aws.Items.n;
import static dev.finpilot.aws.Items.s;

import dev.finpilot.aws.Items;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in the idempotency table, {@code pk = API#<key>}, {@code sk = REQUEST}. The
 * claim is a put on condition that no live record exists; {@code expiresAt} (epoch seconds) is the
 * TTL attribute, and reads treat an expired record as gone because TTL deletion lags.
 */
final class DynamoIdempotencyStore implements IdempotencyStore {
  private final DynamoDbClient dynamo;
  private final String table;

  DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean claim(String key, String fingerprint, Instant now, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put("fingerprint", s(fingerprint));
    item.put("expiresAt", n(expiresAt.getEpochSecond()));
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                  .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<Entry> find(String key, Instant now) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true)).item();
    if (item == null
        || item.isEmpty()
        || Long.parseLong(item.get("expiresAt").n()) <= now.getEpochSecond()) {
      return Optional.empty();
    }
    Optional<StoredResponse> response =
        item.containsKey("status")
            ? Optional.of(
                new StoredResponse(
                    Integer.parseInt(item.get("status").n()),
                    item.get("body").s(),
                    item.containsKey("location") ? item.get("location").s() : null))
            : Optional.empty();
    return Optional.of(new Entry(item.get("fingerprint").s(), response));
  }

  @Override
  public void complete(String key, StoredResponse response) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", n(response.status()));
    values.put(":body", s(response.body()));
    String update = "SET #status = :status, body = :body";
    if (response.location() != null) {
      values.put(":location", s(response.location()));
      update += ", #location = :location";
    }
    String expression = update;
    Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
    if (response.location() != null) {
      names.put("#location", "location");
    }
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key(key))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
  }

  @Override
  public void release(String key) {
    dynamo.deleteItem(r -> r.tableName(table).key(key(key)));
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key("API#" + key, "REQUEST");
  }
}
