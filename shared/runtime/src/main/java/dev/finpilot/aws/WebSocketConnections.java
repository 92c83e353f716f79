package dev.finpilot.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The open WebSocket connections, in the connections table: {@code USER#<userId>} / {@code
 * CONN#<connectionId>} (with the session it was opened in) lists a user's connections for the
 * workflow's pushes, and the reverse item {@code CONN#<connectionId>} / {@code OWNER} lets {@code
 * $disconnect}, which only knows the connection id, find the first. Both expire by TTL after {@link
 * #LIFETIME}, API Gateway's limit on a WebSocket connection's life, so a connection whose {@code
 * $disconnect} never arrived does not linger; readers skip expired items because DynamoDB deletes
 * them lazily.
 */
public final class WebSocketConnections {

  /** API Gateway closes every WebSocket connection after two hours. */
  public static final Duration LIFETIME = Duration.ofHours(2);

  /** The variable holding the table's name, set from {@code !Ref ConnectionsTable}. */
  public static final String TABLE_VARIABLE = "CONNECTIONS_TABLE";

  private static final String OWNER = "OWNER";
  private static final String EXPIRES_AT = "expiresAt";
  private static final String SESSION_ID = "sessionId";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public WebSocketConnections(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public static WebSocketConnections fromEnvironment(
      FunctionEnvironment env, DynamoDbClient dynamo, Clock clock) {
    return new WebSocketConnections(dynamo, env.require(TABLE_VARIABLE), clock);
  }

  /** Records a connection that has just been authenticated as the user's, session unknown. */
  public void open(String userId, String connectionId) {
    open(userId, null, connectionId);
  }

  /**
   * Records a connection that has just been authenticated as the user's, with an access token of
   * the session {@code sessionId}, so that ending the session closes it.
   */
  public void open(String userId, String sessionId, String connectionId) {
    Instant now = clock.instant();
    AttributeValue expiresAt = Items.n(now.plus(LIFETIME).getEpochSecond());
    Map<String, AttributeValue> byUser = new HashMap<>();
    byUser.put("pk", Items.s(userKey(userId)));
    byUser.put("sk", Items.s(connectionKey(connectionId)));
    byUser.put("connectionId", Items.s(connectionId));
    byUser.put("connectedAt", Items.s(now.toString()));
    byUser.put(EXPIRES_AT, expiresAt);
    Items.putIfPresent(byUser, SESSION_ID, sessionId);
    Map<String, AttributeValue> owner =
        Map.of(
            "pk",
            Items.s(connectionKey(connectionId)),
            "sk",
            Items.s(OWNER),
            "userId",
            Items.s(userId),
            EXPIRES_AT,
            expiresAt);
    // Two single-item writes, the owner first: a stop between them leaves only an owner item, which
    // no push reads and the TTL removes, never a listed connection $disconnect cannot find.
    dynamo.putItem(r -> r.tableName(table).item(owner));
    dynamo.putItem(r -> r.tableName(table).item(byUser));
  }

  /** The user's connections that have not expired, for pushing to. */
  public List<String> openFor(String userId) {
    long now = clock.instant().getEpochSecond();
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :conn)")
                    .filterExpression("#expiresAt > :now")
                    .expressionAttributeNames(Map.of("#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", Items.s(userKey(userId)),
                            ":conn", Items.s("CONN#"),
                            ":now", Items.n(now))))
        .items()
        .stream()
        .map(item -> Items.stringOrNull(item, "connectionId"))
        .toList();
  }

  /**
   * One of a user's connections, expired or not.
   *
   * @param sessionId the session it was opened in; {@code null} for one recorded before connections
   *     named their session
   */
  public record Connection(String connectionId, String sessionId) {}

  /** Every connection recorded for the user, including those past their lifetime. */
  public List<Connection> allOf(String userId) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :conn)")
                    .expressionAttributeValues(
                        Map.of(":pk", Items.s(userKey(userId)), ":conn", Items.s("CONN#")))
                    .consistentRead(true))
        .items()
        .stream()
        .map(
            item ->
                new Connection(
                    Items.stringOrNull(item, "connectionId"), Items.stringOrNull(item, SESSION_ID)))
        .toList();
  }

  /** Forgets a closed connection; its owner is looked up, so only the id is needed. */
  public void close(String connectionId) {
    Map<String, AttributeValue> owner =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key(connectionKey(connectionId), OWNER))
                        .consistentRead(true))
            .item();
    Optional.ofNullable(Items.stringOrNull(owner, "userId"))
        .ifPresent(userId -> remove(userId, connectionId));
  }

  /** Forgets one of the user's connections, for example one API Gateway reports gone. */
  public void remove(String userId, String connectionId) {
    // In the reverse order of open, for the same reason: the listed item goes first.
    dynamo.deleteItem(
        r -> r.tableName(table).key(key(userKey(userId), connectionKey(connectionId))));
    dynamo.deleteItem(r -> r.tableName(table).key(key(connectionKey(connectionId), OWNER)));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Items.key(pk, sk);
  }

  private static String userKey(String userId) {
    return "USER#" + userId;
  }

  private static String connectionKey(String connectionId) {
    return "CONN#" + connectionId;
  }
}
