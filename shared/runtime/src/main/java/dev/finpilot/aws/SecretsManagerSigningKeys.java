package dev.finpilot.aws;

import dev.finpilot.auth.SigningKeySource;
import dev.finpilot.auth.SigningKeys;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The access-token signing keys, read from Secrets Manager through Powertools' {@link
 * SecretsProvider} and cached for {@link #MAX_AGE}: a warm function asks Secrets Manager about once
 * every five minutes, and a rotated key is picked up within that time. Nothing is read while the
 * function initialises, so a SnapStart snapshot never holds a key.
 */
public final class SecretsManagerSigningKeys implements SigningKeySource {

  /** The variable holding the secret's ARN, set from {@code !Ref JwtSigningKeySecret}. */
  public static final String SECRET_ARN_VARIABLE = "JWT_SIGNING_KEY_SECRET_ARN";

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final SecretsProvider secrets;
  private final String secretArn;
  private String parsedFrom;
  private SigningKeys parsed;

  SecretsManagerSigningKeys(SecretsProvider secrets, String secretArn) {
    this.secrets = secrets;
    this.secretArn = secretArn;
  }

  /** Reads the secret named by {@link #SECRET_ARN_VARIABLE} with a client from the SDK's chain. */
  public static SecretsManagerSigningKeys fromEnvironment(FunctionEnvironment env) {
    CacheManager cache = new CacheManager();
    cache.setDefaultExpirationTime(MAX_AGE);
    SecretsProvider provider =
        SecretsProvider.builder()
            .withClient(
                SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build())
            .withCacheManager(cache)
            .build();
    return new SecretsManagerSigningKeys(provider, env.require(SECRET_ARN_VARIABLE));
  }

  /** Parsed again only when the cached secret value changed (after a rotation). */
  @Override
  public synchronized SigningKeys keys() {
    String value = secrets.get(secretArn);
    if (!value.equals(parsedFrom)) {
      parsed = SigningKeys.parse(value);
      parsedFrom = value;
    }
    return parsed;
  }
}
