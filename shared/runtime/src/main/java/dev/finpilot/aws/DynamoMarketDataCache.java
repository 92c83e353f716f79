package dev.finpilot.aws;

import dev.finpilot.retrieval.MarketDataCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The market-data cache in DynamoDB. {@code expiresAt} (epoch seconds) is the table's TTL
 * attribute; DynamoDB deletes expired items lazily (within days), so fresh reads check it
 * themselves, and an expired document stays readable as stale until the sweep. A lease is an item
 * {@code lease#<key>} written only if absent or past its {@code leaseUntil}; its {@code expiresAt}
 * lets TTL remove it as well.
 */
public final class DynamoMarketDataCache implements MarketDataCache {

  private static final String LEASE_PREFIX = "lease#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMarketDataCache(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Entry> entry(String key) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            item.get("document").s(),
            Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
  }

  @Override
  public void put(String key, String document, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put("document", Items.s(document));
    item.put("expiresAt", Items.n(expiresAt.getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public boolean tryLease(String key, String holder, Instant now, Instant until) {
    Map<String, AttributeValue> item = new HashMap<>(key(LEASE_PREFIX + key));
    item.put("holder", Items.s(holder));
    item.put("leaseUntil", Items.n(until.toEpochMilli()));
    item.put("expiresAt", Items.n(until.getEpochSecond() + 1));
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR leaseUntil < :now")
                  .expressionAttributeValues(Map.of(":now", Items.n(now.toEpochMilli()))));
      return true;
    } catch (ConditionalCheckFailedException held) {
      return false;
    }
  }

  @Override
  public boolean leased(String key, Instant now) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(table).key(key(LEASE_PREFIX + key)).consistentRead(true))
            .item();
    return item != null
        && item.containsKey("leaseUntil")
        && Long.parseLong(item.get("leaseUntil").n()) > now.toEpochMilli();
  }

  @Override
  public void release(String key, String holder) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(key(LEASE_PREFIX + key))
                  .conditionExpression("holder = :holder")
                  .expressionAttributeValues(Map.of(":holder", Items.s(holder))));
    } catch (ConditionalCheckFailedException takenOver) {
      // The lease ran out and another reader holds it now: theirs to release.
    }
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key(key, "DOCUMENT");
  }
}
