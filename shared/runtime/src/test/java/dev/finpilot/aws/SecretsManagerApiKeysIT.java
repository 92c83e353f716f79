package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.retrieval.providers.ApiKey;
import dev.finpilot.retrieval.providers.ApiKeySource;
import dev.finpilot.retrieval.providers.ApiKeys;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Alpha Vantage keys read from the template's market-data key secret. */
@WithAwsBackend
class SecretsManagerApiKeysIT {

  private final Environment env;

  SecretsManagerApiKeysIT(Environment env) {
    this.env = env;
  }

  @Test
  void theSecretNamedByTheEnvironmentIsReadAndParsedOnce() {
    SecretsManagerApiKeys keys =
        SecretsManagerApiKeys.fromEnvironment(
            new FunctionEnvironment(
                Map.of(
                    SecretsManagerApiKeys.SECRET_ARN_VARIABLE,
                    env.secretArn("MarketDataApiKeySecret"))));

    ApiKeys first = keys.current();

    assertThat(first.all()).isNotEmpty();
    assertThat(keys.current()).isSameAs(first);
  }

  @Test
  void aFunctionReadsTheSecretWhenGivenItsArnAndOtherwiseTheLocalKeys() {
    ApiKeySource deployed =
        SecretsManagerApiKeys.forFunction(
            new FunctionEnvironment(
                Map.of(
                    SecretsManagerApiKeys.SECRET_ARN_VARIABLE,
                    env.secretArn("MarketDataApiKeySecret"),
                    ApiKeys.VARIABLE,
                    "local-key")));
    ApiKeySource local =
        SecretsManagerApiKeys.forFunction(
            new FunctionEnvironment(Map.of(ApiKeys.VARIABLE, "k1,k2")));

    assertThat(deployed).isInstanceOf(SecretsManagerApiKeys.class);
    assertThat(deployed.current().all()).doesNotContain(ApiKey.of("local-key"));
    assertThat(local.current().all()).containsExactly(ApiKey.of("k1"), ApiKey.of("k2"));
    assertThat(SecretsManagerApiKeys.forFunction(new FunctionEnvironment(Map.of())).current().all())
        .isEmpty();
  }

  @Test
  void bothTheFirstReleasesSingleKeyAndAListOfKeysAreRead() {
    String arn = env.secretArn("MarketDataApiKeySecret");
    SecretsManagerApiKeys keys =
        new SecretsManagerApiKeys(CachedSecret.provider(env.secretsManager(), Duration.ZERO), arn);

    env.secretsManager().putSecretValue(r -> r.secretId(arn).secretString("{\"apiKey\":\"k0\"}"));
    assertThat(keys.current().all()).containsExactly(ApiKey.of("k0"));

    env.secretsManager()
        .putSecretValue(
            r ->
                r.secretId(arn)
                    .secretString("{\"apiKeys\":[\"k1\",{\"apiKey\":\"k2\",\"dailyLimit\":75}]}"));
    ApiKeys rotated = keys.current();
    assertThat(rotated.all()).extracting(ApiKey::value).containsExactly("k1", "k2");
    assertThat(rotated.all().get(1).dailyLimit()).hasValue(75);
  }
}
