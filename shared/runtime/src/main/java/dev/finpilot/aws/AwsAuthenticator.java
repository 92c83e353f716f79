package dev.finpilot.aws;

import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.Authenticator;
import java.time.Clock;

/**
 * The {@link Authenticator} of the functions that let callers in (the HTTP API's authorizer and the
 * WebSocket API's {@code $connect}): keys from the secret named by {@code
 * JWT_SIGNING_KEY_SECRET_ARN}, accounts and sessions from {@code USERS_TABLE}.
 */
public final class AwsAuthenticator {
  private AwsAuthenticator() {}

  public static Authenticator fromEnvironment(FunctionEnvironment env) {
    return new Authenticator(
        new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env), Clock.systemUTC()),
        new DynamoSessionStore(AwsClients.dynamoDb(), env.require("USERS_TABLE")),
        Clock.systemUTC());
  }
}
