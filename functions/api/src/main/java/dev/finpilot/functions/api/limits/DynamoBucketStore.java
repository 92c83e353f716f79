package dev.finpilot.functions.api.limits;

import static dev.finpilot.aws.Items.n;

import dev.finpilot.aws.Items;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Buckets in the rate-limit table: {@code pk = BUCKET#<policy>#<userId>}, {@code sk = BUCKET},
 * holding {@code fullAt} (epoch milliseconds) and {@code expiresAt} (epoch seconds, the table's TTL
 * attribute).
 *
 * <p>A take is one conditional UpdateItem for a bucket that is full (a user's first request, or one
 * after a pause), and a second one for a bucket in use: DynamoDB cannot take the larger of the
 * stored instant and now in one expression, so each case is its own condition on the stored value,
 * and neither can succeed on a value the other case covers.
 */
public final class DynamoBucketStore implements BucketStore {
  private static final String FULL_AT = "fullAt";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoBucketStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public OptionalLong take(String key, long now, long interval, long latest, Instant expiresAt) {
    AttributeValue expires = n(expiresAt.getEpochSecond());
    return update(
            key,
            "SET fullAt = :next, expiresAt = :expires",
            "attribute_not_exists(fullAt) OR fullAt < :now",
            Map.of(":next", n(now + interval), ":now", n(now), ":expires", expires))
        .or(
            () ->
                update(
                    key,
                    "SET fullAt = fullAt + :interval, expiresAt = :expires",
                    "fullAt BETWEEN :now AND :latest",
                    Map.of(
                        ":interval", n(interval),
                        ":now", n(now),
                        ":latest", n(latest),
                        ":expires", expires)))
        .map(item -> OptionalLong.of(number(item)))
        .orElse(OptionalLong.empty());
  }

  @Override
  public OptionalLong fullAt(String key) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key(key))
                        .projectionExpression(FULL_AT)
                        .consistentRead(true))
            .item();
    return item == null || !item.containsKey(FULL_AT)
        ? OptionalLong.empty()
        : OptionalLong.of(number(item));
  }

  /** The bucket's new attributes, or empty when the condition did not hold. */
  private Optional<Map<String, AttributeValue>> update(
      String key, String update, String condition, Map<String, AttributeValue> values) {
    try {
      return Optional.of(
          dynamo
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(key(key))
                          .updateExpression(update)
                          .conditionExpression(condition)
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.UPDATED_NEW))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key("BUCKET#" + key, "BUCKET");
  }

  private static long number(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get(FULL_AT).n());
  }
}
