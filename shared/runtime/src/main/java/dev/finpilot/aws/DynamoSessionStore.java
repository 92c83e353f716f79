package dev.finpilot.aws;

import static dev.finpilot.aws.Items.key;
import static dev.finpilot.aws.Items.n;
import static dev.finpilot.aws.Items.s;

import dev.finpilot.auth.Session;
import dev.finpilot.auth.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/**
 * Sessions in the users table, in their user's partition: {@code USER#<userId> / SESSION#<id>},
 * next to the account's {@code USER#<userId> / PROFILE}. {@code expiresAt} (epoch seconds) is the
 * table's TTL attribute, so DynamoDB deletes a session after its end; a revoked session keeps its
 * record (with {@code revokedAt}) until then. Being in the user's partition, a session can only be
 * found through the user it belongs to, all of a user's sessions are one query, and erasing the
 * partition erases them.
 *
 * <p>{@link #standing} reads the profile and the session in one {@code TransactGetItems} (strongly
 * consistent, one round trip, and only {@code dynamodb:GetItem} permission).
 */
public final class DynamoSessionStore implements SessionStore {
  private static final String SESSION = "SESSION#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSessionStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The key of an account's profile item, which only the API's user store writes. */
  public static Map<String, AttributeValue> profileKey(String userId) {
    return key(userPartition(userId), "PROFILE");
  }

  @Override
  public void start(Session session) {
    Map<String, AttributeValue> item =
        new HashMap<>(sessionKey(session.userId(), session.sessionId()));
    item.put("sessionId", s(session.sessionId()));
    item.put("userId", s(session.userId()));
    item.put("startedAt", s(session.startedAt().toString()));
    item.put("expiresAt", n(session.expiresAt().getEpochSecond()));
    dynamo.putItem(
        r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public boolean extend(String userId, String sessionId, Instant now, Instant until) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(sessionKey(userId, sessionId))
                  .updateExpression("SET expiresAt = :until")
                  .conditionExpression(
                      "attribute_exists(pk) AND attribute_not_exists(revokedAt)"
                          + " AND expiresAt > :now")
                  .expressionAttributeValues(
                      Map.of(
                          ":until", n(until.getEpochSecond()), ":now", n(now.getEpochSecond()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean revoke(String userId, String sessionId, Instant at) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(sessionKey(userId, sessionId))
                  .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at)")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeValues(Map.of(":at", s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<String> revokeAll(String userId, Instant at) {
    List<String> revoked = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamo.query(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("pk = :pk AND begins_with(sk, :session)")
                      .filterExpression("attribute_not_exists(revokedAt)")
                      .expressionAttributeValues(
                          Map.of(":pk", s(userPartition(userId)), ":session", s(SESSION)))
                      .consistentRead(true)
                      .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : page.items()) {
        String sessionId = item.get("sessionId").s();
        if (revoke(userId, sessionId, at)) {
          revoked.add(sessionId);
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return revoked;
  }

  @Override
  public Standing standing(String userId, String sessionId) {
    List<ItemResponse> found =
        dynamo
            .transactGetItems(
                r -> r.transactItems(get(profileKey(userId)), get(sessionKey(userId, sessionId))))
            .responses();
    return new Standing(present(found.get(0)), session(found.get(1)));
  }

  private TransactGetItem get(Map<String, AttributeValue> key) {
    return TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build();
  }

  private static boolean present(ItemResponse response) {
    return response != null && response.hasItem() && !response.item().isEmpty();
  }

  private static Optional<Session> session(ItemResponse response) {
    if (!present(response)) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    String revokedAt = Items.stringOrNull(item, "revokedAt");
    return Optional.of(
        new Session(
            item.get("sessionId").s(),
            item.get("userId").s(),
            Instant.parse(item.get("startedAt").s()),
            Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())),
            revokedAt == null ? null : Instant.parse(revokedAt)));
  }

  private static Map<String, AttributeValue> sessionKey(String userId, String sessionId) {
    return key(userPartition(userId), SESSION + sessionId);
  }

  private static String userPartition(String userId) {
    return "USER#" + userId;
  }
}
