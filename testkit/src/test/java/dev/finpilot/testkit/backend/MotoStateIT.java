package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Two private moto servers, one after the other, on one state directory: what the first held (items
 * after every kind of write, messages sent and not deleted) is in the second, though the first was
 * killed without a chance to save anything.
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
      assertThat(restored.items(TABLE)).as("the expired item is dropped").isEqualTo(1);
      assertThat(restored.messages()).isEqualTo(Map.of(QUEUE, 2));
      assertThat(restored.skipped()).isEqualTo(1);
      assertThat(restored.bytes()).isEqualTo(Files.size(state.resolve(MotoServer.STATE_FILE)));
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("a")))).item())
          .containsEntry("n", n("42"));
      assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("gone")))).hasItem())
          .isFalse();
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

  private static DynamoDbClient dynamo(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static SqsClient sqs(URI endpoint) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  private static Path python() {
    return MotoPython.find(System::getenv)
        .orElseThrow(() -> new BackendUnavailableException("moto is not installed here"));
  }
}
