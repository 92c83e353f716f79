package dev.finpilot.functions.api.accounts;

import static dev.finpilot.aws.Items.key;
import static dev.finpilot.aws.Items.n;
import static dev.finpilot.aws.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Refresh tokens in the users table: {@code REFRESH#<sha-256> / TOKEN} and {@code FAMILY#<id> /
 * FAMILY} (present once revoked), and an index entry {@code USER#<userId> / REFRESH#<sha-256>} in
 * the owner's partition, by which an account's erasure finds its tokens (a token stored before
 * these entries existed has none; it expires within {@link RefreshTokens#LIFETIME} and is refused
 * once its account is gone). Both carry {@code expiresAt} (epoch seconds), the table's TTL
 * attribute, so DynamoDB deletes them after they can no longer be used.
 */
public final class DynamoRefreshTokenStore implements RefreshTokenStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoRefreshTokenStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean put(RefreshToken token) {
    // The index entry first: a token is never stored without the entry that lets its owner's
    // erasure find it.
    Map<String, AttributeValue> entry =
        new HashMap<>(key("USER#" + token.userId(), "REFRESH#" + token.tokenHash()));
    entry.put("expiresAt", n(token.expiresAt().getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(entry));
    Map<String, AttributeValue> item = new HashMap<>(key("REFRESH#" + token.tokenHash(), "TOKEN"));
    item.put("familyId", s(token.familyId()));
    item.put("userId", s(token.userId()));
    item.put("expiresAt", n(token.expiresAt().getEpochSecond()));
    try {
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<RefreshToken> find(String tokenHash) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key("REFRESH#" + tokenHash, "TOKEN"))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue usedAt = item.get("usedAt");
    return Optional.of(
        new RefreshToken(
            tokenHash,
            item.get("familyId").s(),
            item.get("userId").s(),
            Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())),
            usedAt == null ? null : Instant.parse(usedAt.s())));
  }

  @Override
  public boolean markUsed(String tokenHash, Instant at) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key("REFRESH#" + tokenHash, "TOKEN"))
                  .updateExpression("SET usedAt = :at")
                  .conditionExpression("attribute_exists(pk) AND attribute_not_exists(usedAt)")
                  .expressionAttributeValues(Map.of(":at", s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void revokeFamily(String familyId, String userId, Instant until) {
    Map<String, AttributeValue> item = new HashMap<>(key("FAMILY#" + familyId, "FAMILY"));
    item.put("userId", s(userId));
    item.put("revoked", AttributeValue.builder().bool(true).build());
    item.put("expiresAt", n(until.getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public boolean isRevoked(String familyId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key("FAMILY#" + familyId, "FAMILY"))
                        .consistentRead(true))
            .item();
    return item != null && !item.isEmpty();
  }
}
