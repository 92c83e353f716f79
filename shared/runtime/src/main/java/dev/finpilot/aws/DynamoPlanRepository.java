package dev.finpilot.aws;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.plans.ActivePlan;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Plans in one DynamoDB table, one partition per plan: the head ({@code META}), its versions
 * ({@code VERSION#0001}, each holding a full plan) and its history ({@code EVENT#0000000001}, by
 * revision, each entry also holding the command its transition sent and the head it wrote). The
 * {@code ByUser} index lists a user's plans newest first; the sparse {@code ActivePlans} index
 * lists the plans in force.
 *
 * <p>No write here is a transaction: each writes one item on a condition (docs/architecture.md,
 * "Persistence"), since a transaction costs twice the write capacity in DynamoDB and the emulator
 * copies every table it touches on each one.
 */
public final class DynamoPlanRepository implements PlanRepository {

  private static final String META = "META";
  private static final String EVENT_PREFIX = "EVENT#";

  /** The attribute of a history entry that holds the head its transition wrote. */
  private static final String HEAD = "head";

  /**
   * Partitions of the {@code ActivePlans} index. Every plan entering or leaving ACTIVE writes the
   * index, and a market fall moves thousands of plans to review at once: one index partition takes
   * about 1,000 writes a second, and a throttled index throttles the workflow's own writes to the
   * table, so the entries are spread over this many partition keys (the monitor reads them all).
   */
  static final int ACTIVE_SHARDS = 8;

  private static final String SHARD = "shard";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPlanRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(PlanRecord plan) {
    return putIfAbsent(head(plan));
  }

  /**
   * Reads the head together with the newest history entry, in one query ({@code EVENT#…} sorts just
   * below {@code META}). An entry one revision above the head is a transition whose writer stopped
   * between its two writes: its head is written here (roll-forward) and returned.
   */
  @Override
  public Optional<PlanRecord> find(String planId) {
    List<Map<String, AttributeValue>> items =
        dynamo
            .query(
                r ->
                    r.tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :events AND :meta")
                        .expressionAttributeValues(
                            Map.of(
                                ":pk",
                                Items.s(partition(planId)),
                                ":events",
                                Items.s(EVENT_PREFIX),
                                ":meta",
                                Items.s(META)))
                        .scanIndexForward(false)
                        .limit(2)
                        .consistentRead(true))
            .items();
    if (items.isEmpty() || !META.equals(items.get(0).get("sk").s())) {
      return Optional.empty();
    }
    Map<String, AttributeValue> head = items.get(0);
    if (items.size() > 1) {
      AttributeValue pending = items.get(1).get(HEAD);
      long revision = revisionOf(head);
      if (pending != null && revisionOf(pending.m()) == revision + 1) {
        // Whether this write or another reader's completes it, the head is now the entry's.
        advanceHead(pending.m(), revision);
        head = pending.m();
      }
    }
    return Optional.of(fromHead(head));
  }

  /**
   * Two single-item writes instead of a transaction: first the history entry for the new revision,
   * on condition that none exists (it holds the new head, so the transition is decided and durable
   * once it is written); then the head, on condition that it is still at the previous revision.
   * Whoever stops between the two, the next {@link #find} completes the head from the entry.
   */
  @Override
  public boolean apply(Transition transition) {
    PlanRecord plan = transition.updated();
    Map<String, AttributeValue> head = head(plan);
    Map<String, AttributeValue> event =
        new HashMap<>(key(plan.planId(), eventKey(plan.revision())));
    event.put("event", Items.s(Json.write(transition.event())));
    if (transition.command() != null) {
      event.put("command", Items.s(Json.write(transition.command())));
    }
    event.put(HEAD, AttributeValue.fromM(head));
    if (!putIfAbsent(event)) {
      return false;
    }
    if (advanceHead(head, plan.revision() - 1)) {
      return true;
    }
    // Refused because a reader completed this same transition from its entry (the entry for this
    // revision is ours, so no other head can follow the previous one), or because the plan was
    // erased meanwhile: then the entry must not outlive it.
    if (item(plan.planId(), META).isPresent()) {
      return true;
    }
    dynamo.deleteItem(r -> r.tableName(table).key(key(plan.planId(), eventKey(plan.revision()))));
    return false;
  }

  @Override
  public Optional<Envelope> commandAt(String planId, long revision) {
    return item(planId, eventKey(revision))
        .filter(i -> i.containsKey("command"))
        .map(i -> Json.read(i.get("command").s(), Envelope.class));
  }

  @Override
  public boolean saveVersion(PlanVersion version) {
    Map<String, AttributeValue> item =
        new HashMap<>(key(version.planId(), versionKey(version.version())));
    item.put("version", Items.s(Json.write(version)));
    return putIfAbsent(item);
  }

  @Override
  public Optional<PlanVersion> findVersion(String planId, int version) {
    return item(planId, versionKey(version))
        .map(
            i -> {
              PlanVersion stored = Json.read(i.get("version").s(), PlanVersion.class);
              AttributeValue report = i.get("verification");
              return report == null
                  ? stored
                  : stored.withVerification(Json.read(report.s(), VerificationReport.class));
            });
  }

  @Override
  public void saveVerification(PlanVersion version) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(key(version.planId(), versionKey(version.version())))
                  .updateExpression("SET verification = :report")
                  .conditionExpression(
                      "attribute_exists(pk) AND attribute_not_exists(verification)")
                  .expressionAttributeValues(
                      Map.of(":report", Items.s(Json.write(version.verification())))));
    } catch (ConditionalCheckFailedException e) {
      // Already verified by an earlier delivery: the first report stands.
    }
  }

  @Override
  public List<PlanEvent> history(String planId) {
    QueryResponse response =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(
                        Map.of(":pk", Items.s(partition(planId)), ":prefix", Items.s(EVENT_PREFIX)))
                    .projectionExpression("#event")
                    .expressionAttributeNames(Map.of("#event", "event"))
                    .consistentRead(true));
    return response.items().stream()
        .map(i -> Json.read(i.get("event").s(), PlanEvent.class))
        .toList();
  }

  /**
   * The cursor is the index key of the page's last item. One that does not decode, or that DynamoDB
   * refuses as a start key (tampered with), is an {@link InvalidCursorException}.
   */
  @Override
  public Page<PlanRecord> listByUser(String userId, int limit, String cursor) {
    Map<String, AttributeValue> start = cursor == null ? null : Items.decodeCursor(cursor);
    QueryResponse response =
        pageOf(
            start,
            r ->
                r.tableName(table)
                    .indexName("ByUser")
                    .keyConditionExpression("gsi1pk = :user")
                    .expressionAttributeValues(Map.of(":user", Items.s(userPartition(userId))))
                    .scanIndexForward(false)
                    .limit(limit));
    List<PlanRecord> plans = response.items().stream().map(DynamoPlanRepository::fromHead).toList();
    String next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? Items.encodeCursor(response.lastEvaluatedKey())
            : null;
    return new Page<>(plans, next);
  }

  /**
   * The cursor names the index partition the page ended in and, unless the page ended with it, the
   * index key of the page's last item there.
   */
  @Override
  public Page<ActivePlan> activePlans(int limit, String cursor) {
    int shard = 0;
    Map<String, AttributeValue> start = null;
    if (cursor != null) {
      start = new HashMap<>(Items.decodeCursor(cursor));
      shard = shardOf(start.remove(SHARD));
      start = start.isEmpty() ? null : start;
    }
    List<ActivePlan> found = new ArrayList<>();
    while (true) {
      QueryResponse response = activeShard(shard, start, limit - found.size());
      response.items().forEach(i -> found.add(fromActiveEntry(i)));
      boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
      start = more ? response.lastEvaluatedKey() : null;
      if (!more && ++shard == ACTIVE_SHARDS) {
        return new Page<>(found, null);
      }
      if (found.size() >= limit) {
        Map<String, AttributeValue> next = new HashMap<>(start == null ? Map.of() : start);
        next.put(SHARD, Items.s(Integer.toString(shard)));
        return new Page<>(found, Items.encodeCursor(next));
      }
    }
  }

  private QueryResponse activeShard(int shard, Map<String, AttributeValue> start, int limit) {
    return pageOf(
        start,
        r ->
            r.tableName(table)
                .indexName("ActivePlans")
                .keyConditionExpression("activePk = :shard")
                .expressionAttributeValues(Map.of(":shard", Items.s(activePartition(shard))))
                .limit(limit));
  }

  /**
   * One page of an index query from {@code start}; a start key DynamoDB refuses (a tampered cursor)
   * is an {@link InvalidCursorException}.
   */
  private QueryResponse pageOf(
      Map<String, AttributeValue> start, Consumer<QueryRequest.Builder> query) {
    try {
      return dynamo.query(
          r -> {
            query.accept(r);
            if (start != null) {
              r.exclusiveStartKey(start);
            }
          });
    } catch (DynamoDbException e) {
      if (start != null && e.statusCode() == 400) {
        throw new InvalidCursorException();
      }
      throw e;
    }
  }

  private static int shardOf(AttributeValue value) {
    try {
      int shard = Integer.parseInt(value == null ? "" : value.s());
      if (shard >= 0 && shard < ACTIVE_SHARDS) {
        return shard;
      }
    } catch (NumberFormatException e) {
      // reported below, as for a shard out of range
    }
    throw new InvalidCursorException();
  }

  private static ActivePlan fromActiveEntry(Map<String, AttributeValue> item) {
    return new ActivePlan(
        item.get("planId").s(),
        item.get("userId").s(),
        Integer.parseInt(item.get("activeVersion").n()));
  }

  /**
   * Writes {@code head} over the head of revision {@code previous}; false, writing nothing, when
   * the stored head is not at that revision (moved on, or gone).
   */
  private boolean advanceHead(Map<String, AttributeValue> head, long previous) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(head)
                  .conditionExpression("revision = :previous")
                  .expressionAttributeValues(Map.of(":previous", Items.n(previous))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static long revisionOf(Map<String, AttributeValue> head) {
    return Long.parseLong(head.get("revision").n());
  }

  /** Writes an item unless one with its key exists; false when it did. */
  private boolean putIfAbsent(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private Optional<Map<String, AttributeValue>> item(String planId, String sortKey) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(table).key(key(planId, sortKey)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static Map<String, AttributeValue> head(PlanRecord plan) {
    Map<String, AttributeValue> item = new HashMap<>(key(plan.planId(), META));
    item.put("gsi1pk", Items.s(userPartition(plan.userId())));
    item.put("gsi1sk", Items.s(plan.createdAt() + "#" + plan.planId()));
    item.put("planId", Items.s(plan.planId()));
    item.put("userId", Items.s(plan.userId()));
    item.put("status", Items.s(plan.status().name()));
    item.put("revision", Items.n(plan.revision()));
    item.put("currentVersion", Items.n(plan.currentVersion()));
    item.put("activeVersion", Items.n(plan.activeVersion()));
    item.put("round", Items.n(plan.round()));
    if (plan.review() != null) {
      item.put("review", Items.s(Json.write(plan.review())));
    }
    if (!plan.deferred().isEmpty()) {
      item.put("deferred", Items.s(Json.write(plan.deferred())));
    }
    item.put("correlationId", Items.s(plan.correlationId()));
    Items.putIfPresent(item, "statusReason", plan.statusReason());
    Items.putIfPresent(item, "lastMessageId", plan.lastMessageId());
    item.put("request", Items.s(Json.write(plan.request())));
    item.put("createdAt", Items.s(plan.createdAt().toString()));
    item.put("updatedAt", Items.s(plan.updatedAt().toString()));
    // Written with the status, in the same put, so the index never lists a plan not in force.
    if (plan.status() == PlanStatus.ACTIVE) {
      item.put(
          "activePk",
          Items.s(activePartition(Math.floorMod(plan.planId().hashCode(), ACTIVE_SHARDS))));
      item.put("activeSk", Items.s(plan.planId()));
    }
    return item;
  }

  private static PlanRecord fromHead(Map<String, AttributeValue> item) {
    return new PlanRecord(
        item.get("planId").s(),
        item.get("userId").s(),
        PlanStatus.valueOf(item.get("status").s()),
        Long.parseLong(item.get("revision").n()),
        Integer.parseInt(item.get("currentVersion").n()),
        activeVersion(item),
        Integer.parseInt(item.get("round").n()),
        item.containsKey("review") ? Json.read(item.get("review").s(), ReviewDecision.class) : null,
        item.containsKey("deferred")
            ? List.of(Json.read(item.get("deferred").s(), Payloads.TriggerRaised[].class))
            : List.of(),
        item.get("correlationId").s(),
        Items.stringOrNull(item, "statusReason"),
        Items.stringOrNull(item, "lastMessageId"),
        Json.read(item.get("request").s(), PlanningRequest.class),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()));
  }

  /**
   * Heads written before plans could be reviewed have no active version: an ACTIVE one is on its
   * current version, any other has none in force.
   */
  private static int activeVersion(Map<String, AttributeValue> item) {
    if (item.containsKey("activeVersion")) {
      return Integer.parseInt(item.get("activeVersion").n());
    }
    return PlanStatus.ACTIVE.name().equals(item.get("status").s())
        ? Integer.parseInt(item.get("currentVersion").n())
        : 0;
  }

  private static Map<String, AttributeValue> key(String planId, String sortKey) {
    return Items.key(partition(planId), sortKey);
  }

  private static String activePartition(int shard) {
    return "ACTIVE#" + shard;
  }

  static String partition(String planId) {
    return "PLAN#" + planId;
  }

  private static String userPartition(String userId) {
    return "USER#" + userId;
  }

  private static String eventKey(long revision) {
    return String.format(EVENT_PREFIX + "%010d", revision);
  }

  private static String versionKey(int version) {
    return String.format("VERSION#%04d", version);
  }
}
