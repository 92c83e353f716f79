package dev.finpilot.functions.api.accounts;

import static dev.finpilot.aws.Items.key;
import static dev.finpilot.aws.Items.s;

import dev.finpilot.aws.DynamoPersonalData;
import dev.finpilot.aws.DynamoSessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts in the users table: the profile at {@code USER#<id> / PROFILE} and an {@code
 * EMAIL#<address> / EMAIL} item pointing at it. An account whose erasure has begun is not found (it
 * can neither sign in nor start a plan) though its profile is still there. Both are written in one
 * transaction, each on condition that it does not exist yet, so two registrations with one address
 * cannot both succeed.
 */
public final class DynamoUserStore implements UserStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoUserStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(User user) {
    Map<String, AttributeValue> profile =
        new HashMap<>(DynamoSessionStore.profileKey(user.userId()));
    profile.put("userId", s(user.userId()));
    profile.put("email", s(user.email()));
    profile.put("displayName", s(user.displayName()));
    profile.put("passwordHash", s(user.passwordHash()));
    profile.put("createdAt", s(user.createdAt().toString()));
    Map<String, AttributeValue> email = new HashMap<>(key("EMAIL#" + user.email(), "EMAIL"));
    email.put("userId", s(user.userId()));
    try {
      dynamo.transactWriteItems(r -> r.transactItems(putNew(profile), putNew(email)));
      return true;
    } catch (TransactionCanceledException e) {
      return false;
    }
  }

  @Override
  public Optional<User> find(String userId) {
    Map<String, AttributeValue> item = get(DynamoSessionStore.profileKey(userId));
    if (item == null || item.isEmpty() || item.containsKey(DynamoPersonalData.ERASING)) {
      return Optional.empty();
    }
    return Optional.of(
        new User(
            item.get("userId").s(),
            item.get("email").s(),
            item.get("displayName").s(),
            item.get("passwordHash").s(),
            Instant.parse(item.get("createdAt").s())));
  }

  @Override
  public Optional<User> findByEmail(String normalizedEmail) {
    Map<String, AttributeValue> item = get(key("EMAIL#" + normalizedEmail, "EMAIL"));
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return find(item.get("userId").s());
  }

  @Override
  public void updatePasswordHash(String userId, String passwordHash) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(DynamoSessionStore.profileKey(userId))
                .updateExpression("SET passwordHash = :hash")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":hash", s(passwordHash))));
  }

  private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
    return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
  }

  private TransactWriteItem putNew(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build())
        .build();
  }
}
