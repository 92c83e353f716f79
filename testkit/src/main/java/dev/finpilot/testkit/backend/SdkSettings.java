package dev.finpilot.testkit.backend;

import java.util.function.UnaryOperator;

/**
 * Points every SDK client in this JVM at a backend through the standard settings only ({@code
 * aws.endpointUrl}, {@code aws.region}, {@code aws.accessKeyId}, {@code aws.secretAccessKey}), so
 * production code needs no endpoint override. Must run before any client is built.
 */
public final class SdkSettings {

  public static final String DEFAULT_REGION = "us-east-1";
  private static final String DUMMY_CREDENTIAL = "test";

  private SdkSettings() {}

  static void apply(AwsBackend backend, UnaryOperator<String> env) {
    System.setProperty("aws.endpointUrl", backend.endpoint().toString());
    String envRegion = env.apply("AWS_REGION");
    setIfAbsent(
        "aws.region", envRegion == null || envRegion.isBlank() ? DEFAULT_REGION : envRegion);
    // Emulators ignore credentials, but real ones must never be sent to a test endpoint.
    setIfAbsent("aws.accessKeyId", DUMMY_CREDENTIAL);
    setIfAbsent("aws.secretAccessKey", DUMMY_CREDENTIAL);
  }

  /** The region clients use once settings are applied. */
  public static String region() {
    return System.getProperty("aws.region", DEFAULT_REGION);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
