package dev.finpilot.retrieval.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The Alpha Vantage keys as the secret and the local runtime give them. */
class ApiKeysTest {

  @Test
  void theSecretListsSeveralKeysSomeWithTheirOwnDailyLimit() {
    ApiKeys keys =
        ApiKeys.parse("{\"apiKeys\": [\"k1\", {\"apiKey\": \"k2\", \"dailyLimit\": 75}, \"k1\"]}");

    assertThat(keys.all()).extracting(ApiKey::value).containsExactly("k1", "k2");
    assertThat(keys.all().get(0).dailyLimit()).isEmpty();
    assertThat(keys.all().get(1).dailyLimit()).hasValue(75);
    assertThat(keys.current()).isSameAs(keys);
  }

  @Test
  void theFirstReleasesSingleKeyIsStillRead() {
    assertThat(ApiKeys.parse("{\"apiKey\": \"demo\"}").all()).containsExactly(ApiKey.of("demo"));
  }

  @Test
  void anUnreadableSecretIsRefusedWithoutQuotingIt() {
    for (String secret :
        List.of(
            "{\"apiKeys\": [\"SECRETVALUE1\"",
            "{\"key\": \"SECRETVALUE1\"}",
            "{\"apiKeys\": [{\"value\": \"SECRETVALUE1\"}]}",
            "{\"apiKeys\": [{\"apiKey\": \"SECRETVALUE1\", \"dailyLimit\": \"many\"}]}",
            "{\"apiKeys\": [{\"apiKey\": \"SECRETVALUE1\", \"dailyLimit\": 0}]}",
            "{\"apiKeys\": [\" \"]}")) {
      assertThatThrownBy(() -> ApiKeys.parse(secret))
          .isInstanceOf(IllegalArgumentException.class)
          .hasNoCause()
          .message()
          .doesNotContain("SECRETVALUE1");
    }
  }

  @Test
  void theLocalRuntimeReadsACommaSeparatedList() {
    assertThat(ApiKeys.fromEnvironment(Map.of("ALPHA_VANTAGE_API_KEYS", " k1, k2 ,,")).all())
        .extracting(ApiKey::value)
        .containsExactly("k1", "k2");
    assertThat(ApiKeys.fromEnvironment(Map.of()).all()).isEmpty();
  }

  @Test
  void aKeyIsShownOnlyByItsFingerprint() {
    ApiKey key = new ApiKey("SECRETVALUE1", OptionalInt.of(25));
    ApiKeys keys = new ApiKeys(List.of(key, ApiKey.of("SECRETVALUE2")));

    assertThat(key.fingerprint())
        .matches("[0-9a-f]{8}")
        .isEqualTo(ApiKey.of("SECRETVALUE1").fingerprint());
    assertThat(key.fingerprint()).isNotEqualTo(ApiKey.of("SECRETVALUE2").fingerprint());
    assertThat(key.toString()).isEqualTo("ApiKey[" + key.fingerprint() + "]");
    assertThat(keys.toString()).doesNotContain("SECRETVALUE").contains(key.fingerprint());
    assertThat(key)
        .isEqualTo(ApiKey.of("SECRETVALUE1"))
        .hasSameHashCodeAs(ApiKey.of("SECRETVALUE1"));
  }
}
