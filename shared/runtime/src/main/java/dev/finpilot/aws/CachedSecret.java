package dev.finpilot.aws;

import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * A secret read through Powertools' {@link SecretsProvider}, whose cache decides how often Secrets
 * Manager is asked, and parsed again only when its value changed (after a rotation). Nothing is
 * read while the function initialises, so a SnapStart snapshot never holds a secret.
 */
final class CachedSecret<T> {
  private final SecretsProvider secrets;
  private final String secretArn;
  private final Function<String, T> parse;
  private String parsedFrom;
  private T parsed;

  CachedSecret(SecretsProvider secrets, String secretArn, Function<String, T> parse) {
    this.secrets = secrets;
    this.secretArn = secretArn;
    this.parse = parse;
  }

  /** A provider that serves a value for {@code maxAge} before asking Secrets Manager again. */
  static SecretsProvider provider(SecretsManagerClient client, Duration maxAge) {
    CacheManager cache = new CacheManager();
    cache.setDefaultExpirationTime(maxAge);
    return SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
  }

  /** {@link #provider} with a client configured as every function's ({@link AwsClients}). */
  static SecretsProvider provider(Duration maxAge) {
    return provider(AwsClients.configured(SecretsManagerClient.builder()).build(), maxAge);
  }

  synchronized T get() {
    String value = secrets.get(secretArn);
    if (!value.equals(parsedFrom)) {
      parsed = parse.apply(value);
      parsedFrom = value;
    }
    return parsed;
  }
}
