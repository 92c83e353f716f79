package dev.finpilot.aws;

import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients with the settings every function shares. Region and credentials are picked here, from
 * the same sources and in the same order as the SDK's default chains would find them on Lambda
 * (system properties, then the variables Lambda sets, then SnapStart's container credentials
 * endpoint), because building those chains loads their profile-file and instance-metadata providers
 * into every cold start. Anything else falls back to the SDK's defaults. The endpoint still comes
 * from the standard settings (AWS_ENDPOINT_URL), so an emulator is reached by configuration, never
 * by code.
 */
public final class AwsClients {
  static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

  private AwsClients() {}

  public static DynamoDbClient dynamoDb() {
    return configured(DynamoDbClient.builder()).build();
  }

  public static SqsClient sqs() {
    return configured(SqsClient.builder()).build();
  }

  /** Gives any SDK client builder the functions' HTTP client, region and credentials. */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configured(
      B builder) {
    builder.httpClient(UrlConnectionHttpClient.create());
    region(System::getProperty, System::getenv).ifPresent(builder::region);
    return builder.credentialsProvider(credentials(System::getProperty, System::getenv));
  }

  /** Empty when neither setting is there: the SDK's own region chain then decides. */
  static Optional<Region> region(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String region = present(properties.apply("aws.region"));
    if (region == null) {
      region = present(environment.apply("AWS_REGION"));
    }
    return Optional.ofNullable(region).map(Region::of);
  }

  static AwsCredentialsProvider credentials(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    if (bothPresent(properties, "aws.accessKeyId", "aws.secretAccessKey")) {
      return SystemPropertyCredentialsProvider.create();
    }
    if (bothPresent(environment, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    // Under SnapStart Lambda sets no key variables: credentials come from this endpoint, and the
    // provider fetches them again after a restore.
    if (present(environment.apply(CONTAINER_CREDENTIALS_URI)) != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static boolean bothPresent(UnaryOperator<String> source, String key, String secret) {
    return present(source.apply(key)) != null && present(source.apply(secret)) != null;
  }

  private static String present(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
