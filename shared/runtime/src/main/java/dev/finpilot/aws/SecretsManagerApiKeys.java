package dev.finpilot.aws;

import dev.finpilot.retrieval.providers.ApiKeySource;
import dev.finpilot.retrieval.providers.ApiKeys;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The Alpha Vantage keys, read from Secrets Manager through Powertools' {@link SecretsProvider} and
 * cached for {@link #MAX_AGE}, so a key added to or removed from the secret is in use within that
 * time. Nothing is read while the function initialises, so a SnapStart snapshot never holds a key.
 */
public final class SecretsManagerApiKeys implements ApiKeySource {

  /** The variable holding the secret's ARN, set from {@code !Ref MarketDataApiKeySecret}. */
  public static final String SECRET_ARN_VARIABLE = "MARKET_DATA_API_KEY_SECRET_ARN";

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final SecretsProvider secrets;
  private final String secretArn;
  private String parsedFrom;
  private ApiKeys parsed;

  SecretsManagerApiKeys(SecretsProvider secrets, String secretArn) {
    this.secrets = secrets;
    this.secretArn = secretArn;
  }

  /** Reads the secret named by {@link #SECRET_ARN_VARIABLE} with a client from the SDK's chain. */
  public static SecretsManagerApiKeys fromEnvironment(FunctionEnvironment env) {
    CacheManager cache = new CacheManager();
    cache.setDefaultExpirationTime(MAX_AGE);
    SecretsProvider provider =
        SecretsProvider.builder()
            .withClient(
                SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build())
            .withCacheManager(cache)
            .build();
    return new SecretsManagerApiKeys(provider, env.require(SECRET_ARN_VARIABLE));
  }

  /** Parsed again only when the cached secret value changed. */
  @Override
  public synchronized ApiKeys current() {
    String value = secrets.get(secretArn);
    if (!value.equals(parsedFrom)) {
      parsed = ApiKeys.parse(value);
      parsedFrom = value;
    }
    return parsed;
  }
}
