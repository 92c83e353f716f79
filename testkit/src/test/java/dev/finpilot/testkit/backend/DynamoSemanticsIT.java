package dev.finpilot.testkit.backend;

import static dev.finpilot.testkit.backend.PrivateMoto.dynamo;
import static dev.finpilot.testkit.backend.PrivateMoto.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What the code under test relies on from DynamoDB, as the emulator's shortcuts (moto_server.py,
 * item 5) must keep it: a query of the table's key reads one partition in order, both ways, page by
 * page, with sort-key conditions and filters; a query of an index reads across partitions; a
 * cancelled transaction leaves every item as it was, a successful one writes them all.
 */
class DynamoSemanticsIT {

  private static final List<String> PARTITIONS = List.of("a", "b", "c");
  private static final int ITEMS_PER_PARTITION = 10;

  @TempDir static Path logs;

  private static MotoServer server;
  private static DynamoDbClient dynamo;

  private String table;

  @BeforeAll
  static void start() {
    server = MotoServer.start(python(), logs);
    dynamo = dynamo(server.endpoint());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    server.close();
  }

  /**
   * A table of its own per test: PARTITIONS, each with sort keys 00..09; the index ByOwner holds
   * the items of even sort key under owner "even", across all partitions.
   */
  @BeforeEach
  void provision() {
    table = "semantics-" + UUID.randomUUID();
    dynamo.createTable(
        r ->
            r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(
                    g ->
                        g.indexName("ByOwner")
                            .keySchema(
                                k -> k.attributeName("owner").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
    for (String pk : PARTITIONS) {
      for (int i = 0; i < ITEMS_PER_PARTITION; i++) {
        Map<String, AttributeValue> item =
            new HashMap<>(Map.of("pk", s(pk), "sk", s(sortKey(i)), "n", n(i)));
        if (i % 2 == 0) {
          item.put("owner", s("even"));
        }
        dynamo.putItem(r -> r.tableName(table).item(item));
      }
    }
  }

  @Test
  void aPartitionIsReadInSortKeyOrderBothWays() {
    List<String> forward = keys(queryAll(q -> q.scanIndexForward(true), "b"));
    List<String> backward = keys(queryAll(q -> q.scanIndexForward(false), "b"));

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ITEMS_PER_PARTITION; i++) {
      expected.add("b/" + sortKey(i));
    }
    assertThat(forward).isEqualTo(expected);
    Collections.reverse(expected);
    assertThat(backward).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void pagesOfAPartitionFollowOnWithoutGapOrRepeat(boolean forward) {
    List<QueryResponse> pages = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> after = start;
      QueryResponse page =
          dynamo.query(
              partition("c", q -> q.scanIndexForward(forward).limit(3).exclusiveStartKey(after)));
      pages.add(page);
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);

    assertThat(pages).extracting(QueryResponse::count).containsExactly(3, 3, 3, 1);
    List<String> read = pages.stream().flatMap(p -> keys(p).stream()).toList();
    assertThat(read)
        .isEqualTo(keys(queryAll(q -> q.scanIndexForward(forward), "c")))
        .doesNotHaveDuplicates()
        .hasSize(ITEMS_PER_PARTITION);
  }

  @Test
  void sortKeyConditionsAndFiltersKeepExactlyTheirItems() {
    QueryResponse between =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                    .filterExpression("n <> :skipped")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", s("a"),
                            ":low", s(sortKey(2)),
                            ":high", s(sortKey(6)),
                            ":skipped", n(4))));
    QueryResponse below =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk < :high")
                    .scanIndexForward(false)
                    .expressionAttributeValues(Map.of(":pk", s("b"), ":high", s(sortKey(3)))));
    QueryResponse prefix =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s("c"), ":prefix", s("sk-0"))));

    assertThat(keys(between)).containsExactly("a/sk-02", "a/sk-03", "a/sk-05", "a/sk-06");
    assertThat(between.scannedCount()).isEqualTo(5);
    assertThat(keys(below)).containsExactly("b/sk-02", "b/sk-01", "b/sk-00");
    assertThat(prefix.count()).isEqualTo(ITEMS_PER_PARTITION);
  }

  @Test
  void aQueryOfAPartitionNoOneWroteIsEmpty() {
    assertThat(dynamo.query(partition("nobody", UnaryOperator.identity())).items()).isEmpty();
  }

  @Test
  void anIndexQueryReadsAcrossThePartitionsOfTheTable() {
    QueryResponse owned =
        dynamo.query(
            r ->
                r.tableName(table)
                    .indexName("ByOwner")
                    .keyConditionExpression("#owner = :owner AND sk >= :from")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(
                        Map.of(":owner", s("even"), ":from", s(sortKey(4)))));

    assertThat(keys(owned))
        .containsExactlyInAnyOrder(
            "a/sk-04", "a/sk-06", "a/sk-08", "b/sk-04", "b/sk-06", "b/sk-08", "c/sk-04", "c/sk-06",
            "c/sk-08");
    assertThat(owned.items())
        .extracting(item -> item.get("sk").s())
        .isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void aCancelledTransactionLeavesEveryItemAsItWas() {
    List<Map<String, AttributeValue>> before = everything();

    assertThatThrownBy(
            () ->
                dynamo.transactWriteItems(
                    r ->
                        r.transactItems(
                            put("d", 0),
                            update("a", 1),
                            delete("b", 2),
                            TransactWriteItem.builder()
                                .conditionCheck(
                                    c ->
                                        c.tableName(table)
                                            .key(key("c", 3))
                                            .conditionExpression("attribute_not_exists(pk)"))
                                .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            cancelled ->
                assertThat(cancelled.cancellationReasons())
                    .extracting(CancellationReason::code)
                    .containsExactly("None", "None", "None", "ConditionalCheckFailed"));
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aTransactionRefusedAfterItsFirstWriteLeavesThatItemAsItWas() {
    List<Map<String, AttributeValue>> before = everything();

    assertThatThrownBy(
            () -> dynamo.transactWriteItems(r -> r.transactItems(update("a", 1), delete("a", 1))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("multiple operations on one item");
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aSuccessfulTransactionWritesAllItsItems() {
    dynamo.transactWriteItems(r -> r.transactItems(put("d", 0), update("a", 1), delete("b", 2)));

    assertThat(item("d", 0)).containsEntry("n", n(0));
    assertThat(item("a", 1)).containsEntry("n", n(100));
    assertThat(item("b", 2)).isEmpty();
    assertThat(everything()).hasSize(PARTITIONS.size() * ITEMS_PER_PARTITION);
  }

  private List<Map<String, AttributeValue>> queryAll(
      UnaryOperator<QueryRequest.Builder> options, String pk) {
    return dynamo.queryPaginator(partition(pk, options)).items().stream().toList();
  }

  private QueryRequest partition(String pk, UnaryOperator<QueryRequest.Builder> options) {
    return options
        .apply(
            QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))))
        .build();
  }

  private List<Map<String, AttributeValue>> everything() {
    return dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
        .sorted(Comparator.comparing(item -> item.get("pk").s() + "/" + item.get("sk").s()))
        .toList();
  }

  private Map<String, AttributeValue> item(String pk, int i) {
    return dynamo.getItem(r -> r.tableName(table).key(key(pk, i))).item();
  }

  private TransactWriteItem put(String pk, int i) {
    return TransactWriteItem.builder()
        .put(p -> p.tableName(table).item(Map.of("pk", s(pk), "sk", s(sortKey(i)), "n", n(i))))
        .build();
  }

  private TransactWriteItem update(String pk, int i) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key(pk, i))
                    .updateExpression("SET n = :n")
                    .expressionAttributeValues(Map.of(":n", n(100))))
        .build();
  }

  private TransactWriteItem delete(String pk, int i) {
    return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, i))).build();
  }

  private static Map<String, AttributeValue> key(String pk, int i) {
    return Map.of("pk", s(pk), "sk", s(sortKey(i)));
  }

  private static List<String> keys(QueryResponse response) {
    return keys(response.items());
  }

  private static List<String> keys(List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> item.get("pk").s() + "/" + item.get("sk").s()).toList();
  }

  private static String sortKey(int i) {
    return String.format("sk-%02d", i);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
