package dev.finpilot.aws;

import dev.finpilot.retrieval.providers.ApiKeySource;
import dev.finpilot.retrieval.providers.ApiKeys;
import java.time.Duration;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The Alpha Vantage keys, read from Secrets Manager and cached for {@link #MAX_AGE}, so that a key
 * added to or removed from the secret is in use within that time ({@link CachedSecret}).
 */
public final class SecretsManagerApiKeys implements ApiKeySource {

  /** The variable holding the secret's ARN, set from {@code !Ref MarketDataApiKeySecret}. */
  public static final String SECRET_ARN_VARIABLE = "MARKET_DATA_API_KEY_SECRET_ARN";

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final CachedSecret<ApiKeys> secret;

  SecretsManagerApiKeys(SecretsProvider secrets, String secretArn) {
    this.secret = new CachedSecret<>(secrets, secretArn, ApiKeys::parse);
  }

  /** Reads the secret named by {@link #SECRET_ARN_VARIABLE} with a client from the SDK's chain. */
  public static SecretsManagerApiKeys fromEnvironment(FunctionEnvironment env) {
    return new SecretsManagerApiKeys(
        CachedSecret.provider(MAX_AGE), env.require(SECRET_ARN_VARIABLE));
  }

  /**
   * The keys a function uses: the secret when the function is given its ARN (as deployed), else the
   * keys in {@link ApiKeys#VARIABLE} (the local runtime's stand-in for the secret; none when
   * unset).
   */
  public static ApiKeySource forFunction(FunctionEnvironment env) {
    String arn = env.variables().get(SECRET_ARN_VARIABLE);
    return arn == null || arn.isBlank()
        ? ApiKeys.fromEnvironment(env.variables())
        : new SecretsManagerApiKeys(CachedSecret.provider(MAX_AGE), arn);
  }

  @Override
  public ApiKeys current() {
    return secret.get();
  }
}
