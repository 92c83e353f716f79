package dev.finpilot.aws;

import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The emulator's client with something happening between a transition's two writes: just before a
 * plan's head is written over an earlier revision, {@code meanwhile} runs with the plan's partition
 * key. It may throw, as a writer that stops there never sends the head; or it may do what another
 * process does in that moment. Everything else goes through unchanged.
 */
final class BetweenTheWrites implements DynamoDbClient {

  private final DynamoDbClient dynamo;
  private final Consumer<String> meanwhile;

  BetweenTheWrites(DynamoDbClient dynamo, Consumer<String> meanwhile) {
    this.dynamo = dynamo;
    this.meanwhile = meanwhile;
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    boolean headOverARevision =
        "META".equals(request.item().get("sk").s())
            && request.conditionExpression() != null
            && request.conditionExpression().contains("revision");
    if (headOverARevision) {
      meanwhile.accept(request.item().get("pk").s());
    }
    return dynamo.putItem(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return dynamo.deleteItem(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return dynamo.getItem(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return dynamo.query(request);
  }

  @Override
  public String serviceName() {
    return dynamo.serviceName();
  }

  @Override
  public void close() {
    // The emulator's client belongs to the test environment.
  }
}
