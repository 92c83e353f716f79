package dev.finpilot.testkit.backend;

import static dev.finpilot.testkit.backend.PrivateMoto.dynamo;
import static dev.finpilot.testkit.backend.PrivateMoto.python;
import static dev.finpilot.testkit.backend.PrivateMoto.sqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Two private moto servers, one after the other, on one state directory: what the first held (items
 * after every kind of write, messages sent and not deleted) is in the second, though the first was
 * killed without a chance to save anything, even in the middle of folding its journal; a journal of
 * the older shape is still read; expired items are deleted while the server runs.
 */
class MotoStateIT {

  private static final String TABLE = "items";
  private static final String QUEUE = "work";

  @TempDir Path logs;
  @TempDir Path state;

  @Test
  void itemsAndUndeletedMessagesOutliveAKilledServer() throws Exception {
    MotoServer first = MotoServer.start(python(), logs, Optional.of(state));
    try (DynamoDbClient dynamo = dynamo(first.endpoint());
        SqsClient sqs = sqs(first.endpoint())) {
      String queue = provision(dynamo, sqs);
      assertThat(first.restoreState()).hasValueSatisfying(r -> assertThat(r.items()).isEmpty());
      dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", s("a"), "n", n("1"))));
      dynamo.updateItem(
          r ->
              r.tableName(TABLE)
                  .key(Map.of("pk", s("a")))
                  .updateExpression("ADD n :d")
                  .expressionAttributeValues(Map.of(":d", n("41"))));
      dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", s("gone"))));
      dynamo.deleteItem(r -> r.tableName(TABLE).key(Map.of("pk", s("gone"))));
      dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", s("expired"), "ttl", n("1"))));
      try {
        dynamo.putItem(
            r ->
                r.tableName(TABLE)
                    .item(Map.of("pk", s("a"), "n", n("0")))
                    .conditionExpression("attribute_not_exists(pk)"));
      } catch (ConditionalCheckFailedException expected) {
        // A refused write is not journaled: the item keeps 42.
      }
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .put(p -> p.tableName(TABLE).item(Map.of("pk", s("posted"))))
                      .build()));
      try {
        dynamo.transactWriteItems(
            r ->
                r.transactItems(
                    TransactWriteItem.builder()
                        .delete(d -> d.tableName(TABLE).key(Map.of("pk", s("posted"))))
                        .build(),
                    TransactWriteItem.builder()
                        .conditionCheck(
                            c ->
                                c.tableName(TABLE)
                                    .key(Map.of("pk", s("a")))
                                    .conditionExpression("attribute_not_exists(pk)"))
                        .build()));
      } catch (TransactionCanceledException expected) {
        // Rolled back and not journaled: "posted" stays.
      }
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("done"));
      sqs.sendMessageBatch(
          r ->
              r.queueUrl(queue)
                  .entries(
                      SendMessageBatchRequestEntry.builder()
                          .id("1")
                          .messageBody("in flight")
                          .messageAttributes(
                              Map.of(
                                  "kind",
                                  MessageAttributeValue.builder()
                                      .dataType("String")
                                      .stringValue("plan")
                                      .build()))
                          .build(),
                      SendMessageBatchRequestEntry.builder()
                          .id("2")
                          .messageBody("queued")
                          .build()));
      List<Message> received =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(2)).messages();
      Message done =
          received.stream().filter(m -> m.body().equals("done")).findFirst().orElseThrow();
      sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(done.receiptHandle()));
    } finally {
      first.close();
    }
    // A runtime killed in the middle of appending leaves a torn last line.
    Files.writeString(
        state.resolve(MotoServer.STATE_FILE), "{\"op\":\"dyn", StandardOpenOption.APPEND);

    MotoServer second = MotoServer.start(python(), logs, Optional.of(state));
    try (DynamoDbClient dynamo = dynamo(second.endpoint());
        SqsClient sqs = sqs(second.endpoint())) {
      String queue = provision(dynamo, sqs);
      RestoredState restored = second.restoreState().orElseThrow();
      assertThat(restored.items(TABLE)).as("the expired item is dropped").isEqualTo(2);
      assertThat(restored.messages()).isEqualTo(Map.of(QUEUE, 2));
      assertThat(restored.skipped()).isEqualTo(1);
      assertThat(restored.bytes()).isEqualTo(Files.size(state.resolve(MotoServer.STATE_FILE)));
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("a")))).item())
          .containsEntry("n", n("42"));
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("gone")))).hasItem())
          .isFalse();
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("posted")))).hasItem())
          .isTrue();
      List<Message> queued =
          sqs.receiveMessage(
                  r -> r.queueUrl(queue).maxNumberOfMessages(10).messageAttributeNames("All"))
              .messages();
      assertThat(queued).extracting(Message::body).containsExactlyInAnyOrder("in flight", "queued");
      assertThat(queued.stream().filter(m -> m.body().equals("in flight")).findFirst())
          .hasValueSatisfying(
              m -> assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("plan"));
    } finally {
      second.close();
    }
  }

  /**
   * A fold killed at each of its steps (after writing the snapshot, after copying what was appended
   * meanwhile, after the rename) leaves a journal from which everything comes back.
   */
  @ParameterizedTest
  @ValueSource(strings = {"folded", "copied", "replaced"})
  void aFoldKilledAtAnyStepLosesNothing(String step) throws Exception {
    MotoServer first =
        MotoServer.start(
            python(), logs, Optional.of(state), Map.of("FINPILOT_JOURNAL_CRASH_AT", step));
    try (DynamoDbClient dynamo = dynamo(first.endpoint());
        SqsClient sqs = sqs(first.endpoint())) {
      String queue = provision(dynamo, sqs);
      first.restoreState();
      for (int i = 0; i < 10; i++) {
        String pk = "item-" + i;
        AttributeValue added = n(Integer.toString(i));
        dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", s(pk), "n", n("0"))));
        dynamo.updateItem(
            r ->
                r.tableName(TABLE)
                    .key(Map.of("pk", s(pk)))
                    .updateExpression("ADD n :d")
                    .expressionAttributeValues(Map.of(":d", added)));
      }
      dynamo.deleteItem(r -> r.tableName(TABLE).key(Map.of("pk", s("item-0"))));
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody("queued"));
      assertThatThrownBy(() -> post(first, "/moto-api/finpilot/compact"))
          .as("the server dies in the fold")
          .isInstanceOf(IOException.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> !first.isRunning());
    } finally {
      first.close();
    }

    MotoServer second = MotoServer.start(python(), logs, Optional.of(state));
    try (DynamoDbClient dynamo = dynamo(second.endpoint());
        SqsClient sqs = sqs(second.endpoint())) {
      String queue = provision(dynamo, sqs);
      RestoredState restored = second.restoreState().orElseThrow();
      assertThat(restored.items(TABLE)).isEqualTo(9);
      assertThat(restored.messages()).isEqualTo(Map.of(QUEUE, 1));
      for (int i = 1; i < 10; i++) {
        String pk = "item-" + i;
        assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s(pk)))).item())
            .as(pk)
            .containsEntry("n", n(Integer.toString(i)));
      }
      assertThat(sqs.receiveMessage(r -> r.queueUrl(queue)).messages())
          .extracting(Message::body)
          .containsExactly("queued");
      assertThat(Files.exists(state.resolve(MotoServer.STATE_FILE + ".tmp"))).isFalse();
    } finally {
      second.close();
    }
  }

  /**
   * Folds that keep happening while writes go on (one whenever the journal doubles past 4 KB), then
   * a kill -9 at whatever moment: every write the client was told of is there after the restart,
   * and the journal stayed within a few folds of the state's size.
   */
  @Test
  void writesDuringFoldsSurviveAKill() throws Exception {
    MotoServer first =
        MotoServer.start(
            python(), logs, Optional.of(state), Map.of("FINPILOT_JOURNAL_COMPACT_BYTES", "4096"));
    int counters = 20;
    int rounds = 30;
    long largest = 0;
    try (DynamoDbClient dynamo = dynamo(first.endpoint());
        SqsClient sqs = sqs(first.endpoint())) {
      provision(dynamo, sqs);
      first.restoreState();
      for (int round = 1; round <= rounds; round++) {
        for (int i = 0; i < counters; i++) {
          String pk = "counter-" + i;
          dynamo.updateItem(
              r ->
                  r.tableName(TABLE)
                      .key(Map.of("pk", s(pk)))
                      .updateExpression("ADD n :one SET padding = :padding")
                      .expressionAttributeValues(
                          Map.of(":one", n("1"), ":padding", s("x".repeat(200)))));
        }
        largest = Math.max(largest, Files.size(state.resolve(MotoServer.STATE_FILE)));
      }
      first.kill();
    } finally {
      first.close();
    }
    assertThat(largest)
        .as("the journal is folded while the server runs (each write appends about 300 bytes)")
        .isLessThan(rounds * counters * 300L / 4);

    MotoServer second = MotoServer.start(python(), logs, Optional.of(state));
    try (DynamoDbClient dynamo = dynamo(second.endpoint());
        SqsClient sqs = sqs(second.endpoint())) {
      provision(dynamo, sqs);
      assertThat(second.restoreState().orElseThrow().items(TABLE)).isEqualTo(counters);
      for (int i = 0; i < counters; i++) {
        String pk = "counter-" + i;
        assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s(pk)))).item())
            .containsEntry("n", n(Integer.toString(rounds)));
      }
    } finally {
      second.close();
    }
  }

  /**
   * A journal of the older shape (each DynamoDB write request as it was made) is replayed in order
   * and rewritten as item images.
   */
  @Test
  void aJournalOfWriteRequestsIsStillRead() throws Exception {
    String queueUrl = "http://127.0.0.1:5000/" + MotoServer.ACCOUNT_ID + "/" + QUEUE;
    Files.write(
        state.resolve(MotoServer.STATE_FILE),
        List.of(
            "{\"op\":\"dynamodb\",\"region\":\"us-east-1\",\"target\":\"BatchWriteItem\","
                + "\"request\":{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":"
                + "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}}]}}}",
            "{\"op\":\"dynamodb\",\"region\":\"us-east-1\",\"target\":\"UpdateItem\","
                + "\"request\":{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"ADD n :d\",\"ExpressionAttributeValues\":"
                + "{\":d\":{\"N\":\"41\"}}}}",
            "{\"op\":\"dynamodb\",\"region\":\"us-east-1\",\"target\":\"PutItem\","
                + "\"request\":{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"b\"}}}}",
            "{\"op\":\"dynamodb\",\"region\":\"us-east-1\",\"target\":\"DeleteItem\","
                + "\"request\":{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"b\"}}}}",
            "{\"op\":\"send\",\"region\":\"us-east-1\",\"id\":\"m-1\",\"request\":"
                + "{\"QueueUrl\":\""
                + queueUrl
                + "\",\"MessageBody\":\"kept\"}}",
            "{\"op\":\"send\",\"region\":\"us-east-1\",\"id\":\"m-2\",\"request\":"
                + "{\"QueueUrl\":\""
                + queueUrl
                + "\",\"MessageBody\":\"done\"}}",
            "{\"op\":\"delete\",\"region\":\"us-east-1\",\"ids\":[\"m-2\"]}"));
    MotoServer server = MotoServer.start(python(), logs, Optional.of(state));
    try (DynamoDbClient dynamo = dynamo(server.endpoint());
        SqsClient sqs = sqs(server.endpoint())) {
      String queue = provision(dynamo, sqs);
      RestoredState restored = server.restoreState().orElseThrow();
      assertThat(restored.items(TABLE)).isEqualTo(1);
      assertThat(restored.skipped()).isZero();
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("a")))).item())
          .containsEntry("n", n("42"));
      assertThat(sqs.receiveMessage(r -> r.queueUrl(queue)).messages())
          .extracting(Message::body)
          .containsExactly("kept");
      assertThat(Files.readAllLines(state.resolve(MotoServer.STATE_FILE)))
          .first(InstanceOfAssertFactories.STRING)
          .startsWith("{\"op\":\"item\"")
          .contains("\"n\":{\"N\":\"42\"}");
    } finally {
      server.close();
    }
  }

  /** An item whose TTL has passed is deleted while the server runs, and the delete is kept. */
  @Test
  void expiredItemsAreDeletedWhileRunning() throws Exception {
    MotoServer first =
        MotoServer.start(
            python(), logs, Optional.of(state), Map.of("FINPILOT_TTL_SWEEP_SECONDS", "0.2"));
    try (DynamoDbClient dynamo = dynamo(first.endpoint());
        SqsClient sqs = sqs(first.endpoint())) {
      provision(dynamo, sqs);
      first.restoreState();
      long now = System.currentTimeMillis() / 1000;
      dynamo.putItem(
          r -> r.tableName(TABLE).item(Map.of("pk", s("old"), "ttl", n(Long.toString(now - 1)))));
      dynamo.putItem(
          r ->
              r.tableName(TABLE)
                  .item(Map.of("pk", s("fresh"), "ttl", n(Long.toString(now + 3600)))));
      dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("pk", s("forever"))));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> !dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("old")))).hasItem());
      assertThat(dynamo.scan(r -> r.tableName(TABLE)).items())
          .extracting(item -> item.get("pk").s())
          .containsExactlyInAnyOrder("fresh", "forever");
      assertThat(Files.readAllLines(state.resolve(MotoServer.STATE_FILE)))
          .as("the delete is journaled")
          .anySatisfy(line -> assertThat(line).contains("\"old\"").endsWith("\"item\":null}"));
    } finally {
      first.close();
    }
  }

  private static void post(MotoServer server, String path) throws Exception {
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String provision(DynamoDbClient dynamo, SqsClient sqs) {
    dynamo.createTable(
        r ->
            r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    dynamo.updateTimeToLive(
        r -> r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
    return sqs.createQueue(r -> r.queueName(QUEUE)).queueUrl();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
