package dev.finpilot.aws;

import dev.finpilot.accounts.erasure.AccountOwner;
import dev.finpilot.accounts.erasure.PersonalData;
import dev.finpilot.messaging.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What each table of the template holds about an account, and how to find it:
 *
 * <ul>
 *   <li>PlansTable: the partitions {@code PLAN#<id>} (head, versions, history with the commands
 *       sent, watch) of every plan the {@code ByUser} index lists for {@code USER#<id>}; the index
 *       entries (there and in {@code ActivePlans}) go with the heads.
 *   <li>LedgerTable: the partition {@code USER#<id>} (books, transactions, execution records).
 *   <li>UsersTable: the partition {@code USER#<id>} (profile, sessions, the index of the account's
 *       refresh tokens), each indexed {@code REFRESH#<hash>} token, the {@code FAMILY#<session>}
 *       marks of revoked sessions and the {@code EMAIL#<address>} lookup.
 *   <li>IdempotencyTable: the records {@code API#<userId>#...} of the account's requests.
 *   <li>RateLimitTable: the account's token buckets ({@code BUCKET#<policy>#<userId>}) and the
 *       login-attempt counters keyed by the SHA-256 of its address.
 *   <li>ConnectionsTable: the partition {@code USER#<id>} and each connection's {@code
 *       CONN#<id>/OWNER} item.
 *   <li>MarketDataTable holds quotes, series and request budgets: nothing of anyone's.
 * </ul>
 *
 * The idempotency and rate-limit tables have no index by user, and every item in them expires
 * within a day (the known-address counters within 90 days), so they are scanned with a filter: an
 * erasure or an export is rare, and these tables stay small.
 */
public final class DynamoPersonalData implements PersonalData {
  /** Set on a profile whose account is being erased. */
  public static final String ERASING = "erasingSince";

  /** Attributes that are never handed out, not even to their owner. */
  private static final Set<String> SECRETS = Set.of("passwordHash");

  private static final String USER = "USER#";
  private static final String PROFILE = "PROFILE";
  private static final String SESSION = "SESSION#";
  private static final String REFRESH = "REFRESH#";
  private static final String META = "META";

  private final DynamoDbClient dynamo;
  private final Tables tables;

  /** The tables' names, from the functions' environment variables of the same meaning. */
  public record Tables(
      String plans,
      String ledger,
      String users,
      String idempotency,
      String rateLimits,
      String connections) {

    public static Tables fromEnvironment(FunctionEnvironment env) {
      return new Tables(
          env.require("PLANS_TABLE"),
          env.require("LEDGER_TABLE"),
          env.require("USERS_TABLE"),
          env.require("IDEMPOTENCY_TABLE"),
          env.require("RATE_LIMIT_TABLE"),
          env.require(WebSocketConnections.TABLE_VARIABLE));
    }
  }

  public DynamoPersonalData(DynamoDbClient dynamo, Tables tables) {
    this.dynamo = dynamo;
    this.tables = tables;
  }

  @Override
  public Optional<AccountOwner> owner(String userId) {
    Map<String, AttributeValue> profile =
        get(tables.users(), DynamoSessionStore.profileKey(userId));
    return Optional.ofNullable(Items.stringOrNull(profile, "email"))
        .map(email -> new AccountOwner(userId, email));
  }

  @Override
  public void markErasing(String userId, Instant at) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(tables.users())
                  .key(DynamoSessionStore.profileKey(userId))
                  .updateExpression("SET #erasing = if_not_exists(#erasing, :at)")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(Map.of("#erasing", ERASING))
                  .expressionAttributeValues(Map.of(":at", Items.s(at.toString()))));
    } catch (ConditionalCheckFailedException e) {
      // Erased in the meantime by another request: nothing left to mark.
    }
  }

  @Override
  public Map<String, List<Map<String, Object>>> items(AccountOwner owner) {
    Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
    byTable.put("UsersTable", plain(usersItems(owner)));
    byTable.put("PlansTable", plain(plansItems(owner.userId())));
    byTable.put("LedgerTable", plain(partition(tables.ledger(), USER + owner.userId())));
    byTable.put("IdempotencyTable", plain(idempotencyItems(owner.userId())));
    byTable.put("RateLimitTable", plain(rateLimitItems(owner)));
    byTable.put("ConnectionsTable", plain(connectionItems(owner.userId())));
    return byTable;
  }

  @Override
  public void eraseAllButProfile(AccountOwner owner) {
    for (String planId : planIds(owner.userId())) {
      erasePlan(planId);
    }
    delete(tables.ledger(), partition(tables.ledger(), USER + owner.userId()));
    delete(tables.idempotency(), idempotencyItems(owner.userId()));
    delete(tables.rateLimits(), rateLimitItems(owner));
    delete(tables.connections(), connectionItems(owner.userId()));
    for (Map<String, AttributeValue> item : usersItems(owner)) {
      if (isEmailOf(item, owner)) {
        deleteEmail(item, owner.userId());
      } else if (!isProfile(item) && !isSession(item)) {
        delete(tables.users(), List.of(item));
      }
    }
    // The sessions go last but one: until the profile goes, a caller whose erasure was cut short
    // can still sign the request that finishes it.
    List<Map<String, AttributeValue>> sessions =
        partition(tables.users(), USER + owner.userId()).stream()
            .filter(DynamoPersonalData::isSession)
            .toList();
    delete(tables.users(), sessions);
  }

  @Override
  public void deleteProfile(String userId) {
    dynamo.deleteItem(r -> r.tableName(tables.users()).key(DynamoSessionStore.profileKey(userId)));
  }

  /**
   * The plan's history and versions, then its head, then whatever a writer that read the head
   * before it went added meanwhile: once the head is gone, the workflow and the agents drop every
   * message about the plan instead of writing to it.
   */
  private void erasePlan(String planId) {
    String partition = DynamoPlanRepository.partition(planId);
    List<Map<String, AttributeValue>> items = partition(tables.plans(), partition);
    delete(tables.plans(), items.stream().filter(i -> !META.equals(sk(i))).toList());
    dynamo.deleteItem(r -> r.tableName(tables.plans()).key(Items.key(partition, META)));
    delete(tables.plans(), partition(tables.plans(), partition));
  }

  private List<String> planIds(String userId) {
    List<String> partitions = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(tables.plans())
                .indexName("ByUser")
                .keyConditionExpression("gsi1pk = :user")
                .expressionAttributeValues(Map.of(":user", Items.s(USER + userId)))
                .build())
        .items()
        .forEach(item -> partitions.add(pk(item).substring("PLAN#".length())));
    return partitions;
  }

  private List<Map<String, AttributeValue>> plansItems(String userId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (String planId : planIds(userId)) {
      items.addAll(partition(tables.plans(), DynamoPlanRepository.partition(planId)));
    }
    return items;
  }

  private List<Map<String, AttributeValue>> usersItems(AccountOwner owner) {
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(partition(tables.users(), USER + owner.userId()));
    List<Map<String, AttributeValue>> related = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      if (sk(item).startsWith(REFRESH)) {
        related.add(get(tables.users(), Items.key(sk(item), "TOKEN")));
      } else if (isSession(item)) {
        related.add(
            get(
                tables.users(),
                Items.key("FAMILY#" + sk(item).substring(SESSION.length()), "FAMILY")));
      }
    }
    related.add(get(tables.users(), Items.key("EMAIL#" + owner.email(), "EMAIL")));
    related.stream()
        .filter(item -> owner.userId().equals(Items.stringOrNull(item, "userId")))
        .forEach(items::add);
    return items;
  }

  private List<Map<String, AttributeValue>> idempotencyItems(String userId) {
    return scan(
        tables.idempotency(),
        "begins_with(pk, :prefix)",
        Map.of(":prefix", Items.s("API#" + userId + "#")));
  }

  private List<Map<String, AttributeValue>> rateLimitItems(AccountOwner owner) {
    return scan(
        tables.rateLimits(),
        "contains(pk, :user) OR contains(pk, :address)",
        Map.of(":user", Items.s(owner.userId()), ":address", Items.s(sha256(owner.email()))));
  }

  private List<Map<String, AttributeValue>> connectionItems(String userId) {
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(partition(tables.connections(), USER + userId));
    List<Map<String, AttributeValue>> owners = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      owners.add(get(tables.connections(), Items.key(sk(item), "OWNER")));
    }
    owners.stream().filter(item -> !item.isEmpty()).forEach(items::add);
    return items;
  }

  private void deleteEmail(Map<String, AttributeValue> item, String userId) {
    try {
      // Only while it still points at this account: the address may be someone's new account.
      dynamo.deleteItem(
          r ->
              r.tableName(tables.users())
                  .key(Items.key(pk(item), sk(item)))
                  .conditionExpression("userId = :user")
                  .expressionAttributeValues(Map.of(":user", Items.s(userId))));
    } catch (ConditionalCheckFailedException e) {
      // Registered again by someone since it was read: theirs now.
    }
  }

  private List<Map<String, AttributeValue>> partition(String table, String pk) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s(pk)))
                .consistentRead(true)
                .build())
        .items()
        .forEach(items::add);
    return items;
  }

  private List<Map<String, AttributeValue>> scan(
      String table, String filter, Map<String, AttributeValue> values) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo
        .scanPaginator(
            ScanRequest.builder()
                .tableName(table)
                .filterExpression(filter)
                .expressionAttributeValues(values)
                .consistentRead(true)
                .build())
        .items()
        .forEach(items::add);
    return items;
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    return item == null ? Map.of() : item;
  }

  private void delete(String table, List<Map<String, AttributeValue>> items) {
    for (Map<String, AttributeValue> item : items) {
      dynamo.deleteItem(r -> r.tableName(table).key(Items.key(pk(item), sk(item))));
    }
  }

  private static boolean isProfile(Map<String, AttributeValue> item) {
    return pk(item).startsWith(USER) && PROFILE.equals(sk(item));
  }

  private static boolean isSession(Map<String, AttributeValue> item) {
    return pk(item).startsWith(USER) && sk(item).startsWith(SESSION);
  }

  private static boolean isEmailOf(Map<String, AttributeValue> item, AccountOwner owner) {
    return pk(item).equals("EMAIL#" + owner.email());
  }

  private static String pk(Map<String, AttributeValue> item) {
    return item.get("pk").s();
  }

  private static String sk(Map<String, AttributeValue> item) {
    return item.get("sk").s();
  }

  /** The items as JSON-ready maps in key order; JSON kept as text is handed out as JSON. */
  private static List<Map<String, Object>> plain(List<Map<String, AttributeValue>> items) {
    return items.stream()
        .sorted(
            Comparator.comparing((Map<String, AttributeValue> i) -> pk(i))
                .thenComparing(i -> sk(i)))
        .map(DynamoPersonalData::plainItem)
        .toList();
  }

  private static Map<String, Object> plainItem(Map<String, AttributeValue> item) {
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("pk", pk(item));
    plain.put("sk", sk(item));
    item.entrySet().stream()
        .filter(e -> !SECRETS.contains(e.getKey()) && !plain.containsKey(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> plain.put(e.getKey(), plain(e.getValue())));
    return plain;
  }

  private static Object plain(AttributeValue value) {
    if (value.s() != null) {
      return jsonOrText(value.s());
    }
    if (value.n() != null) {
      return new BigDecimal(value.n());
    }
    if (value.bool() != null) {
      return value.bool();
    }
    if (value.hasM()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.m().forEach((k, v) -> map.put(k, plain(v)));
      return map;
    }
    if (value.hasL()) {
      return value.l().stream().map(DynamoPersonalData::plain).toList();
    }
    if (value.hasSs()) {
      return value.ss();
    }
    if (value.hasNs()) {
      return value.ns().stream().map(BigDecimal::new).toList();
    }
    if (value.b() != null) {
      return Base64.getEncoder().encodeToString(value.b().asByteArray());
    }
    return null;
  }

  private static Object jsonOrText(String text) {
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        return Json.readTree(text);
      } catch (RuntimeException e) {
        return text;
      }
    }
    return text;
  }

  /** How the login throttle keys an address's counters without storing the address. */
  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
