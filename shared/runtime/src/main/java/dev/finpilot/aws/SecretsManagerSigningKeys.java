package dev.finpilot.aws;

import dev.finpilot.auth.SigningKeySource;
import dev.finpilot.auth.SigningKeys;
import java.time.Duration;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The access-token signing keys, read from Secrets Manager and cached for {@link #MAX_AGE} ({@link
 * CachedSecret}): a warm function asks Secrets Manager about once every five minutes, and a rotated
 * key is picked up within that time.
 */
public final class SecretsManagerSigningKeys implements SigningKeySource {

  /** The variable holding the secret's ARN, set from {@code !Ref JwtSigningKeySecret}. */
  public static final String SECRET_ARN_VARIABLE = "JWT_SIGNING_KEY_SECRET_ARN";

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final CachedSecret<SigningKeys> secret;

  SecretsManagerSigningKeys(SecretsProvider secrets, String secretArn) {
    this.secret = new CachedSecret<>(secrets, secretArn, SigningKeys::parse);
  }

  /** Reads the secret named by {@link #SECRET_ARN_VARIABLE} with a client from the SDK's chain. */
  public static SecretsManagerSigningKeys fromEnvironment(FunctionEnvironment env) {
    return new SecretsManagerSigningKeys(
        CachedSecret.provider(MAX_AGE), env.require(SECRET_ARN_VARIABLE));
  }

  @Override
  public SigningKeys keys() {
    return secret.get();
  }
}
