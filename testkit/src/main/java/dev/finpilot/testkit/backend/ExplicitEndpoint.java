package dev.finpilot.testkit.backend;

import java.net.URI;

/**
 * An endpoint someone else runs, named by {@code AWS_ENDPOINT_URL} or {@code aws.endpointUrl}. The
 * testkit never wipes it; the account id comes from the standard {@code AWS_ACCOUNT_ID} setting or
 * defaults to moto's.
 */
record ExplicitEndpoint(URI endpoint, String accountId) implements AwsBackend {

  static final String DEFAULT_ACCOUNT_ID = "123456789012";

  @Override
  public String description() {
    return "explicit endpoint " + endpoint;
  }

  @Override
  public boolean reset() {
    return false;
  }
}
