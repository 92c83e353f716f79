package dev.finpilot.coldstart.minimal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The floor the functions' cold starts are compared with: the least a Lambda function of this
 * project does, that is build a DynamoDB and an SQS client and read one item. The clients have the
 * functions' HTTP client but take region and credentials from the SDK's default chains, as a
 * handler written the usual way does; the functions pick theirs without building those chains
 * ({@code dev.finpilot.aws.AwsClients}), which is part of what they are measured on. Packaged alone
 * in {@code coldstart/target/minimal.zip}.
 */
public final class MinimalHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Names the table it reads, as the functions are told theirs. */
  public static final String TABLE_VARIABLE = "PLANS_TABLE";

  private final DynamoDbClient dynamo =
      DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  // Built and kept as a function keeps its bus's client; the one call here goes to DynamoDB.
  @SuppressWarnings("unused")
  private final SqsClient sqs =
      SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  private final String table = System.getenv(TABLE_VARIABLE);

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    boolean found =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("PLAN#minimal-handler"),
                                "sk", AttributeValue.fromS("HEAD"))))
            .hasItem();
    return Map.of("found", found);
  }
}
