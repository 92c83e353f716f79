package dev.finpilot.aws;

import dev.finpilot.agents.PlanWatch;
import dev.finpilot.agents.PlanWatches;
import dev.finpilot.monitoring.MarketEventType;
import dev.finpilot.monitoring.PlanBaseline;
import dev.finpilot.monitoring.TriggerSeverity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The market monitor's watch of each plan, one item ({@code WATCH}) in the plan's partition of the
 * plans table, beside its head. Kept apart from the head because the workflow rewrites the head
 * whole on every transition under optimistic locking; the monitor never touches it.
 */
public final class DynamoPlanWatches implements PlanWatches {

  /** DynamoDB's limit of keys in one BatchGetItem. */
  static final int BATCH = 100;

  static final int WRITE_BATCH = 25;

  private static final int MAX_ATTEMPTS = 6;

  private static final String WATCH = "WATCH";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPlanWatches(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<String, PlanWatch> find(Collection<String> planIds) {
    List<String> ids = List.copyOf(planIds);
    Map<String, PlanWatch> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Map<String, AttributeValue>> keys =
          ids.subList(from, Math.min(from + BATCH, ids.size())).stream()
              .map(DynamoPlanWatches::key)
              .toList();
      untilProcessed(
          Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build()),
          batch -> {
            BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(batch));
            response
                .responses()
                .getOrDefault(table, List.of())
                .forEach(
                    item -> {
                      PlanWatch watch = fromItem(item);
                      found.put(watch.planId(), watch);
                    });
            return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
          });
    }
    return found;
  }

  /** Up to 25 watches per request (DynamoDB's limit of a BatchWriteItem). */
  @Override
  public void saveAll(Collection<PlanWatch> watches) {
    List<WriteRequest> puts =
        watches.stream()
            .map(w -> WriteRequest.builder().putRequest(p -> p.item(toItem(w))).build())
            .toList();
    for (int from = 0; from < puts.size(); from += WRITE_BATCH) {
      untilProcessed(
          Map.of(table, puts.subList(from, Math.min(from + WRITE_BATCH, puts.size()))),
          batch -> {
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(batch));
            return response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
          });
    }
  }

  /**
   * Sends a batch request until DynamoDB has processed all of it: what it leaves unprocessed (its
   * answer to a throttled partition) is sent again after a pause that doubles each time.
   *
   * @param call sends a request and answers what was left unprocessed
   */
  private static <T> void untilProcessed(
      Map<String, T> request, UnaryOperator<Map<String, T>> call) {
    Map<String, T> left = call.apply(request);
    for (int attempt = 1; !left.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IllegalStateException(
            "DynamoDB left part of a batch unprocessed " + MAX_ATTEMPTS + " times");
      }
      pause(Duration.ofMillis(25L << attempt));
      left = call.apply(left);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while DynamoDB was throttling", e);
    }
  }

  private static Map<String, AttributeValue> toItem(PlanWatch watch) {
    Map<String, AttributeValue> item = new HashMap<>(key(watch.planId()));
    PlanBaseline baseline = watch.baseline();
    item.put("planId", Items.s(watch.planId()));
    item.put("version", Items.n(watch.version()));
    item.put("series", Items.s(baseline.series()));
    item.put("baselineDate", Items.s(baseline.date().toString()));
    item.put("baselineValue", Items.s(baseline.value().toPlainString()));
    Map<String, AttributeValue> raised = new HashMap<>();
    watch.raised().forEach((type, severity) -> raised.put(type.name(), Items.s(severity.name())));
    item.put("raised", AttributeValue.builder().m(raised).build());
    return item;
  }

  private static PlanWatch fromItem(Map<String, AttributeValue> item) {
    String planId = item.get("planId").s();
    Map<MarketEventType, TriggerSeverity> raised = new EnumMap<>(MarketEventType.class);
    item.get("raised")
        .m()
        .forEach(
            (type, severity) ->
                raised.put(MarketEventType.valueOf(type), TriggerSeverity.valueOf(severity.s())));
    return new PlanWatch(
        planId,
        Integer.parseInt(item.get("version").n()),
        new PlanBaseline(
            planId,
            item.get("series").s(),
            LocalDate.parse(item.get("baselineDate").s()),
            new BigDecimal(item.get("baselineValue").s())),
        raised);
  }

  private static Map<String, AttributeValue> key(String planId) {
    return Items.key(DynamoPlanRepository.partition(planId), WATCH);
  }
}
