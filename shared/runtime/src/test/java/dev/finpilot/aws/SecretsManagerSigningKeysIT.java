package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.auth.SigningKeys;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/** The access-token signing keys read from the template's signing-key secret. */
@WithAwsBackend
class SecretsManagerSigningKeysIT {

  private static final String ROTATED =
      "{\"kid\":\"k2\",\"signingKey\":\"a second signing key of at least 32 bytes\","
          + "\"previous\":[{\"kid\":\"k1\",\"signingKey\":\"the first signing key, 32 bytes or more\"}]}";

  private final Environment env;

  SecretsManagerSigningKeysIT(Environment env) {
    this.env = env;
  }

  @Test
  void theSecretNamedByTheEnvironmentIsReadAndParsedOnce() {
    String arn = env.secretArn("JwtSigningKeySecret");
    SecretsManagerSigningKeys keys =
        SecretsManagerSigningKeys.fromEnvironment(
            new FunctionEnvironment(Map.of(SecretsManagerSigningKeys.SECRET_ARN_VARIABLE, arn)));

    SigningKeys first = keys.keys();

    assertThat(first.current().kid()).isNotBlank();
    assertThat(keys.keys()).isSameAs(first);
  }

  @Test
  void aRotatedSecretIsParsedAgainOnceTheCacheLetsItThrough() {
    String arn = env.secretArn("JwtSigningKeySecret");
    CacheManager noCache = new CacheManager();
    noCache.setDefaultExpirationTime(Duration.ZERO);
    SecretsManagerSigningKeys keys =
        new SecretsManagerSigningKeys(
            SecretsProvider.builder()
                .withClient(env.secretsManager())
                .withCacheManager(noCache)
                .build(),
            arn);
    String before = keys.keys().current().kid();

    env.secretsManager().putSecretValue(r -> r.secretId(arn).secretString(ROTATED));

    SigningKeys rotated = keys.keys();
    assertThat(rotated.current().kid()).isEqualTo("k2").isNotEqualTo(before);
    assertThat(rotated.forKid("k1")).isPresent();
  }
}
