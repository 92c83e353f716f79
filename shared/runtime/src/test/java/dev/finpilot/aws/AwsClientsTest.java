package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {
  private static final Map<String, String> NONE = Map.of();
  private static final Map<String, String> PROPERTY_KEYS =
      Map.of("aws.accessKeyId", "AKIDPROP", "aws.secretAccessKey", "secret");
  private static final Map<String, String> LAMBDA_KEYS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "AKIDENV",
          "AWS_SECRET_ACCESS_KEY", "secret",
          "AWS_SESSION_TOKEN", "token");
  private static final Map<String, String> SNAPSTART =
      Map.of(
          AwsClients.CONTAINER_CREDENTIALS_URI,
          "http://127.0.0.1:9001/2021-04-23/credentials",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN",
          "token");

  @Test
  void systemPropertyKeysComeFirst() {
    assertThat(AwsClients.credentials(PROPERTY_KEYS::get, merged(LAMBDA_KEYS, SNAPSTART)::get))
        .isInstanceOf(SystemPropertyCredentialsProvider.class);
  }

  @Test
  void theKeyVariablesLambdaSetsComeNext() {
    assertThat(AwsClients.credentials(NONE::get, merged(LAMBDA_KEYS, SNAPSTART)::get))
        .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
  }

  @Test
  void underSnapStartTheContainerEndpointSuppliesThem() {
    assertThat(AwsClients.credentials(NONE::get, SNAPSTART::get))
        .isInstanceOf(ContainerCredentialsProvider.class);
  }

  @Test
  void halfAKeyPairOrABlankOneIsNotUsed() {
    Map<String, String> keyWithoutSecret = Map.of("aws.accessKeyId", "AKIDPROP");
    Map<String, String> blankKeys = Map.of("AWS_ACCESS_KEY_ID", " ", "AWS_SECRET_ACCESS_KEY", "s");

    assertThat(AwsClients.credentials(keyWithoutSecret::get, SNAPSTART::get))
        .isInstanceOf(ContainerCredentialsProvider.class);
    assertThat(AwsClients.credentials(NONE::get, blankKeys::get))
        .isInstanceOf(DefaultCredentialsProvider.class);
  }

  @Test
  void withoutAnyOfThemTheSdkDefaultChainDecides() {
    assertThat(AwsClients.credentials(NONE::get, NONE::get))
        .isInstanceOf(DefaultCredentialsProvider.class);
  }

  @Test
  void theRegionPropertyComesBeforeTheVariable() {
    Map<String, String> property = Map.of("aws.region", "eu-west-1");
    Map<String, String> variable = Map.of("AWS_REGION", "us-east-2");

    assertThat(AwsClients.region(property::get, variable::get)).contains(Region.EU_WEST_1);
    assertThat(AwsClients.region(NONE::get, variable::get)).contains(Region.US_EAST_2);
    assertThat(AwsClients.region(Map.of("aws.region", "")::get, variable::get))
        .contains(Region.US_EAST_2);
  }

  @Test
  void withoutARegionSettingTheSdkChainIsLeftToDecide() {
    assertThat(AwsClients.region(NONE::get, NONE::get)).isEmpty();
  }

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new HashMap<>(a);
    all.putAll(b);
    return all;
  }
}
