package dev.finpilot.aws;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.execution.Books;
import dev.finpilot.execution.ExecutionRecord;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.Transaction;
import dev.finpilot.messaging.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ledger in DynamoDB, one partition per user: {@code BOOKS} (balances and version), {@code
 * TXN#<seq>} per transaction in commit order, {@code EXEC#<key>} per idempotency key (the layout is
 * on {@link LedgerStore}). One execution is one transaction, so the books never disagree with the
 * transactions that made them.
 */
public final class DynamoLedgerStore implements LedgerStore {

  private static final String BOOKS = "BOOKS";
  private static final String TXN = "TXN#";
  private static final Pattern TRANSACTION_KEY = Pattern.compile("TXN#[0-9]{12}");

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLedgerStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Books> books(String userId) {
    return item(userId, BOOKS).map(i -> Json.read(i.get("books").s(), Books.class));
  }

  @Override
  public Optional<ExecutionRecord> execution(String userId, String idempotencyKey) {
    return item(userId, "EXEC#" + idempotencyKey)
        .map(i -> Json.read(i.get("record").s(), ExecutionRecord.class));
  }

  /**
   * A DynamoDB query over the user's {@code TXN#} items read backwards; the cursor is the sort key
   * of the page's last item. There is no filter, so every item the query reads is returned and none
   * is passed over between pages.
   */
  @Override
  public Page<Transaction> transactions(String userId, int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (cursor != null && !TRANSACTION_KEY.matcher(cursor).matches()) {
      throw new InvalidCursorException();
    }
    // One item more than the page: the page is the last exactly when that item is not there.
    QueryResponse response =
        dynamo.query(
            r -> {
              r.tableName(table)
                  .keyConditionExpression("pk = :pk AND begins_with(sk, :txn)")
                  .expressionAttributeValues(
                      Map.of(":pk", Items.s(partition(userId)), ":txn", Items.s(TXN)))
                  .scanIndexForward(false)
                  .limit(limit + 1)
                  .consistentRead(true);
              if (cursor != null) {
                r.exclusiveStartKey(key(userId, cursor));
              }
            });
    List<Map<String, AttributeValue>> items = response.items();
    if (items.size() > limit) {
      List<Map<String, AttributeValue>> page = items.subList(0, limit);
      return page(page, page.get(limit - 1).get("sk").s());
    }
    // Fewer items and a last evaluated key: the query stopped at its 1 MB cap, not at the end.
    String next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey().get("sk").s()
            : null;
    return page(items, next);
  }

  private static Page<Transaction> page(List<Map<String, AttributeValue>> items, String next) {
    return new Page<>(
        items.stream().map(i -> Json.read(i.get("transaction").s(), Transaction.class)).toList(),
        next);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    String userId = commit.userId();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(
        putNew(userId, "EXEC#" + commit.record().idempotencyKey(), "record", commit.record()));
    long sequence = commit.expectedVersion() * 1_000;
    for (Transaction t : commit.transactions()) {
      // Commit order is books version, then position: version-major keys sort in that order.
      writes.add(putNew(userId, String.format("TXN#%012d", sequence++), "transaction", t));
    }
    Map<String, AttributeValue> books = new HashMap<>(key(userId, BOOKS));
    books.put("books", Items.s(Json.write(commit.books())));
    books.put("version", Items.n(commit.books().version()));
    Put.Builder putBooks = Put.builder().tableName(table).item(books);
    if (commit.expectedVersion() == 0) {
      putBooks.conditionExpression("attribute_not_exists(pk)");
    } else {
      putBooks
          .conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(commit.expectedVersion())));
    }
    writes.add(TransactWriteItem.builder().put(putBooks.build()).build());
    try {
      dynamo.transactWriteItems(r -> r.transactItems(writes));
      return CommitOutcome.COMMITTED;
    } catch (TransactionCanceledException e) {
      // The port reports a used key before a stale version, whatever else failed with it.
      return execution(userId, commit.record().idempotencyKey()).isPresent()
          ? CommitOutcome.KEY_ALREADY_USED
          : CommitOutcome.VERSION_CONFLICT;
    }
  }

  private TransactWriteItem putNew(String userId, String sortKey, String attribute, Object value) {
    Map<String, AttributeValue> item = new HashMap<>(key(userId, sortKey));
    item.put(attribute, Items.s(Json.write(value)));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build())
        .build();
  }

  private Optional<Map<String, AttributeValue>> item(String userId, String sortKey) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(table).key(key(userId, sortKey)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static Map<String, AttributeValue> key(String userId, String sortKey) {
    return Items.key(partition(userId), sortKey);
  }

  private static String partition(String userId) {
    return "USER#" + userId;
  }
}
