package dev.finpilot.testkit.backend;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients built from the standard settings only (endpoint, region and credentials come from
 * {@code aws.*} system properties or {@code AWS_*} variables), exactly as the functions build
 * theirs.
 */
public record AwsClients(SqsClient sqs, DynamoDbClient dynamoDb, SecretsManagerClient secrets) {

  public static AwsClients fromStandardSettings() {
    return new AwsClients(
        SqsClient.create(), DynamoDbClient.create(), SecretsManagerClient.create());
  }
}
