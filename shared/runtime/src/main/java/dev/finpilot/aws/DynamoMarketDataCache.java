package dev.finpilot.aws;

import dev.finpilot.retrieval.MarketDataCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The market-data cache in DynamoDB. {@code expiresAt} (epoch seconds) is the table's TTL
 * attribute; DynamoDB deletes expired items lazily (within days), so reads check it themselves.
 */
public final class DynamoMarketDataCache implements MarketDataCache {

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMarketDataCache(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<String> get(String key, Instant now) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(key))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    long expiresAt = Long.parseLong(item.get("expiresAt").n());
    return expiresAt > now.getEpochSecond()
        ? Optional.of(item.get("document").s())
        : Optional.empty();
  }

  @Override
  public void put(String key, String document, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put("document", Items.s(document));
    item.put("expiresAt", Items.n(expiresAt.getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key(key, "DOCUMENT");
  }
}
